/**
 * Files joined to messages, both ways, on each database: an agent joins a PDF and a photo
 * (multipart), the photo comes out re-encoded (a JPEG followed by HTML loses the HTML); the
 * person's exchanges list each file by name, type and size, and only the request's owner
 * downloads them, with the stored documents' headers; a file of the wrong type, too big,
 * damaged, a PDF with a script, too many files or a broken form are refused with their codes and
 * nothing is kept; a citizen's file joined to a message reaches the agent; the cleanup of
 * unclaimed uploads keeps the agents' files.
 */
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeExpiredUploads } from "../../../src/server/documents/expired-uploads";
import type { AgentRequestView, CitizenExchanges } from "../../../src/shared/api/agents";
import {
  MESSAGE_ATTACHMENT_FIELD,
  MESSAGE_ATTACHMENT_MAX_BYTES,
} from "../../../src/shared/api/message-attachments";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, sha256, uploadDocumentsOf, uploadWhole } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const HTML =
  "<html><body><script>fetch('/api/account').then(r => r.text()).then(alert)</script></body></html>";
const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

async function polyglotJpeg(): Promise<Uint8Array> {
  const jpeg = await sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 200 } },
  })
    .jpeg()
    .toBuffer();
  return new Uint8Array(Buffer.concat([jpeg, Buffer.from(HTML)]));
}

function form(text: string, files: readonly { name: string; bytes: Uint8Array; type?: string }[]): FormData {
  const body = new FormData();
  body.set("text", text);
  for (const file of files)
    body.append(
      "files",
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }),
      file.name,
    );
  return body;
}

describe.each(DATABASES)("files joined to messages on %s", (database) => {
  let server: TestServer;
  let agent: Record<string, string>;
  let otherAgent: Record<string, string>;
  let citizen = "";
  let stranger = "";

  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
    const staff = async (procedure: string) =>
      ({
        Cookie: await staffSignIn(
          server.app,
          await createStaffAccount(server.services, {
            email: `agent-${randomUUID().slice(0, 8)}@province-sud.nc`,
            roles: ["agent"],
            procedures: [procedure],
          }),
        ),
      }) as Record<string, string>;
    agent = await staff("bourse-scolaire");
    otherAgent = await staff("aide-medicale");
    citizen = await signInWithCode(server, `citizen-${randomUUID().slice(0, 8)}@example.nc`);
    stranger = await signInWithCode(server, `stranger-${randomUUID().slice(0, 8)}@example.nc`);
  });
  afterAll(() => server.close());

  const sendAsAgent = (id: string, body: FormData, headers = agent) =>
    server.app.request(`/api/agents/requests/${id}/messages`, { method: "POST", headers, body });
  const exchangesOf = async (id: string) =>
    (await (
      await server.app.request(`/api/submissions/${id}/exchanges`, { headers: withSession(citizen) })
    ).json()) as CitizenExchanges;
  const attachmentOf = (id: string, attachmentId: string, headers: Record<string, string>) =>
    server.app.request(`/api/submissions/${id}/attachments/${attachmentId}`, { headers });
  const messageCount = async (id: string) =>
    (await server.services.processing.exchangesRepository.messages(id)).length;

  it("sends an agent's PDF and photo to the request's owner only, the photo re-encoded", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const photo = await polyglotJpeg();
    const answer = await sendAsAgent(
      sent.id,
      form("Voici le courrier signé et le plan.", [
        { name: "Courrier signé.pdf", bytes: PDF },
        { name: "plan.jpg", bytes: photo, type: "image/jpeg" },
      ]),
    );
    expect(answer.status).toBe(204);

    const [message] = (await exchangesOf(sent.id)).messages;
    expect(message?.text).toBe("Voici le courrier signé et le plan.");
    expect(message?.attachments.map((a) => [a.name, a.type])).toEqual([
      ["Courrier signé.pdf", "application/pdf"],
      ["plan.jpg", "image/jpeg"],
    ]);
    const [pdf, jpeg] = message?.attachments ?? [];
    expect(pdf?.size).toBe(PDF.byteLength);

    const served = await attachmentOf(sent.id, pdf?.id ?? "", withSession(citizen));
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toContain("attachment;");
    expect(served.headers.get("Content-Disposition")).toContain("filename*=UTF-8''Courrier%20sign%C3%A9.pdf");
    expect(served.headers.get("Cache-Control")).toBe("no-store");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(PDF));

    const image = new Uint8Array(
      await (await attachmentOf(sent.id, jpeg?.id ?? "", withSession(citizen))).arrayBuffer(),
    );
    expect(image.byteLength).toBe(jpeg?.size);
    expect(Buffer.from(image).includes(Buffer.from("<script>")), "the HTML after the picture is gone").toBe(
      false,
    );
    expect((await sharp(image).metadata()).format).toBe("jpeg");

    for (const [who, headers] of [
      ["signed out", {}],
      ["another account", withSession(stranger)],
    ] as const) {
      const refused = await attachmentOf(sent.id, pdf?.id ?? "", headers);
      expect(refused.status, who).toBe(404);
      expect((await errorOf(refused)).code, who).toBe("attachment_not_found");
    }
    expect((await attachmentOf(sent.id, "0".repeat(32), withSession(citizen))).status, "unknown").toBe(404);
    // A file of another request, asked for through this one.
    const other = await sendRequestOver(server, withSession(citizen));
    expect(
      (await attachmentOf(other.id, pdf?.id ?? "", withSession(citizen))).status,
      "another request",
    ).toBe(404);

    // Staff of the procedure see the files and open them; the read is in the audit.
    const view = (await (
      await server.app.request(`/api/agents/requests/${sent.id}`, { headers: agent })
    ).json()) as AgentRequestView;
    expect(view.messages[0]?.attachments.map((a) => a.name)).toEqual(["Courrier signé.pdf", "plan.jpg"]);
    const byStaff = await server.app.request(`/api/agents/requests/${sent.id}/attachments/${pdf?.id}`, {
      headers: agent,
    });
    expect(byStaff.status).toBe(200);
    expect(byStaff.headers.get("Content-Security-Policy")).toContain("sandbox");
    const notTheirs = await server.app.request(`/api/agents/requests/${sent.id}/attachments/${pdf?.id}`, {
      headers: otherAgent,
    });
    expect(notTheirs.status).toBe(404);
    const audit = await server.services.processing.repository.audit(sent.id);
    expect(audit.map((e) => [e.action, e.detail])).toEqual(
      expect.arrayContaining([
        ["message", "files 2"],
        ["read", `attachment ${pdf?.id}`],
      ]),
    );
  });

  it("refuses a file of the wrong type, too big, damaged, a PDF with a script, and keeps nothing", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const refusals: [string, FormData, number, string][] = [
      [
        "HTML named as a PDF",
        form("Bonjour", [{ name: "lettre.pdf", bytes: new TextEncoder().encode(HTML) }]),
        415,
        "attachment_type",
      ],
      [
        "a WebP photo",
        form("Bonjour", [{ name: "p.webp", bytes: documentBytes("image/webp", 200), type: "image/webp" }]),
        415,
        "attachment_type",
      ],
      [
        "a PDF that runs a script",
        form("Bonjour", [
          {
            name: "a.pdf",
            bytes: new TextEncoder().encode(
              "%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF",
            ),
          },
        ]),
        415,
        "attachment_unsafe",
      ],
      [
        "a damaged PNG",
        form("Bonjour", [
          {
            name: "scan.png",
            bytes: documentBytes("image/png", 40).map((b, i) => (i > 16 ? 0 : b)),
            type: "image/png",
          },
        ]),
        415,
        "attachment_unreadable",
      ],
      [
        "a file over the limit",
        form("Bonjour", [
          { name: "gros.pdf", bytes: documentBytes("application/pdf", MESSAGE_ATTACHMENT_MAX_BYTES + 1) },
        ]),
        413,
        "attachment_too_large",
      ],
      [
        "six files",
        form(
          "Bonjour",
          Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, bytes: PDF })),
        ),
        422,
        "too_many_attachments",
      ],
      ["no words", form("", [{ name: "a.pdf", bytes: PDF }]), 400, "invalid_body"],
    ];
    const storedBefore = (await server.services.documents.list()).length;
    for (const [what, body, status, code] of refusals) {
      const refused = await sendAsAgent(sent.id, body);
      expect(refused.status, what).toBe(status);
      expect((await errorOf(refused)).code, what).toBe(code);
    }
    const broken = await server.app.request(`/api/agents/requests/${sent.id}/messages`, {
      method: "POST",
      headers: { ...agent, "Content-Type": "multipart/form-data; boundary=x" },
      body: '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nunfinished',
    });
    expect(broken.status, "a broken form").toBe(400);
    const declaredHuge = await server.app.request(`/api/agents/requests/${sent.id}/messages`, {
      method: "POST",
      headers: {
        ...agent,
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(200 * 1024 * 1024),
      },
      body: "--x--",
    });
    expect(declaredHuge.status, "a body announced too big").toBe(413);
    expect(await messageCount(sent.id)).toBe(0);
    expect((await server.services.documents.list()).length, "no file kept").toBe(storedBefore);
  });

  it("brings a citizen's file joined to a message to the agent, and to the owner's other device", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const bytes = documentBytes("application/pdf", 3000, 41);
    const upload = await uploadWhole(
      server.app,
      {
        flowId: "bourse-scolaire",
        fieldId: MESSAGE_ATTACHMENT_FIELD,
        filetype: "application/pdf",
        filename: "facture.pdf",
      },
      bytes,
    );
    expect(upload.response.status).toBe(201);
    const message = { clientId: randomUUID(), text: "La facture", attachments: [upload.uploadId] };
    const posted = await postJson(
      server.app,
      `/api/submissions/${sent.id}/messages`,
      message,
      withSession(citizen),
    );
    expect(posted.status).toBe(204);
    const [listed] = (await exchangesOf(sent.id)).messages;
    expect(listed?.attachments).toEqual([
      { id: upload.uploadId, name: "facture.pdf", type: "application/pdf", size: 3000 },
    ]);
    const mine = await attachmentOf(sent.id, upload.uploadId, withSession(citizen));
    expect(sha256(new Uint8Array(await mine.arrayBuffer()))).toBe(sha256(bytes));
    const byStaff = await server.app.request(
      `/api/agents/requests/${sent.id}/attachments/${upload.uploadId}`,
      {
        headers: agent,
      },
    );
    expect(byStaff.status).toBe(200);
    const view = (await (
      await server.app.request(`/api/agents/requests/${sent.id}`, { headers: agent })
    ).json()) as AgentRequestView;
    expect(view.documents.find((d) => d.uploadId === upload.uploadId)?.label).toBe(
      "Document joint à un message",
    );
    // An upload for a message is a message's: a request's document question does not take it.
    const wrongType = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId: MESSAGE_ATTACHMENT_FIELD, filetype: "text/html" },
      new TextEncoder().encode(HTML),
    );
    expect(wrongType.response.status).toBe(415);
  });

  it("keeps an agent's file when a request names its id as one of its own documents", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    expect(
      (await sendAsAgent(sent.id, form("Le courrier.", [{ name: "courrier.pdf", bytes: PDF }]))).status,
    ).toBe(204);
    const [file] = (await exchangesOf(sent.id)).messages[0]?.attachments ?? [];
    // The owner, who reads the file's id, sends a request that claims it as a document.
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const [first, ...rest] = uploaded.documents;
    const claimed = await putSubmission(
      server.app,
      newId(),
      {
        flowId: "bourse-scolaire",
        flowVersion: 1,
        answers: uploaded.answers,
        documents: [{ ...first, uploadId: file?.id ?? "" }, ...rest],
      },
      withSession(citizen),
    );
    // As a document not yet up: the request waits, and the province's file is not touched.
    expect(claimed.status).toBe(409);
    expect((await errorOf(claimed)).code).toBe("document_incomplete");
    const served = await attachmentOf(sent.id, file?.id ?? "", withSession(citizen));
    expect(served.status, "the province's file is still there").toBe(200);
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(PDF));
  });

  it("keeps a file's name without its path, quotes or line breaks, and says it safely in the download", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const body = form("Le courrier", [
      { name: 'C:\\Users\\agent\\..\\"lettre\r\nSet-Cookie: x".pdf', bytes: PDF },
    ]);
    expect((await sendAsAgent(sent.id, body)).status).toBe(204);
    const [file] = (await exchangesOf(sent.id)).messages[0]?.attachments ?? [];
    expect(file?.name).toBe("lettreSet-Cookie: x.pdf");
    const served = await attachmentOf(sent.id, file?.id ?? "", withSession(citizen));
    expect(served.headers.get("Content-Disposition")).toBe(
      `attachment; filename="lettreSet-Cookie: x.pdf"; filename*=UTF-8''${encodeURIComponent("lettreSet-Cookie: x.pdf")}`,
    );
    expect(served.headers.get("Set-Cookie")).toBeNull();
  });

  it("keeps the agents' files when the unclaimed uploads are cleaned up", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    expect((await sendAsAgent(sent.id, form("Le courrier", [{ name: "c.pdf", bytes: PDF }]))).status).toBe(
      204,
    );
    const [message] = (await exchangesOf(sent.id)).messages;
    await removeExpiredUploads(server.services, { expirationMs: 0, unclaimedMs: 0 }, Date.now() + 60_000);
    const served = await attachmentOf(sent.id, message?.attachments[0]?.id ?? "", withSession(citizen));
    expect(served.status).toBe(200);
  });
});
