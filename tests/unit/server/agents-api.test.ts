/**
 * The back office over HTTP, on each database: who may call each agents' route (no session, a
 * citizen, a mediator, an administrator, an agent of the other procedure, an agent, a
 * supervisor), the status changes allowed and refused with their reasons, the audit entry and
 * the citizen's notice written in the action's transaction, exports and the archive read back,
 * and documents served to the right staff only, sandboxed.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentRequestView, QueuePageView } from "../../../src/shared/api/agents";
import { MESSAGE_ATTACHMENT_FIELD } from "../../../src/shared/api/message-attachments";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, uploadDocumentsOf, uploadWhole } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

type Who = "nobody" | "citizen" | "mediator" | "administrator" | "otherAgent" | "agent" | "supervisor";
const REFUSED: Readonly<Record<Exclude<Who, "agent" | "supervisor">, number>> = {
  nobody: 401,
  citizen: 401,
  mediator: 403,
  // An administrator manages accounts and reads no request: to them it does not exist.
  administrator: 404,
  otherAgent: 404,
};

interface Ctx {
  readonly id: string;
  readonly reference: string;
  readonly uploadId: string;
  /** A file the citizen joined to a message about the request. */
  readonly attachmentId: string;
  readonly colleague: string;
}
type Call = (server: TestServer, headers: Record<string, string>, ctx: Ctx) => Promise<Response> | Response;

const get =
  (path: (ctx: Ctx) => string): Call =>
  (server, headers, ctx) =>
    server.app.request(path(ctx), { headers });
const post =
  (path: (ctx: Ctx) => string, body: (ctx: Ctx) => unknown): Call =>
  (server, headers, ctx) =>
    postJson(server.app, path(ctx), body(ctx), headers);

const queue = "/api/agents/procedures/bourse-scolaire/queues";
const request = (ctx: Ctx) => `/api/agents/requests/${ctx.id}`;

/** Every agents' route, called on a fresh school-grant request; `supervisorOnly` for the audit. */
const ROUTES: readonly (readonly [string, Call, { supervisorOnly?: true }?])[] = [
  ["GET queue", get((ctx) => `${queue}/to_process?q=${ctx.reference}`)],
  ["GET export", get((ctx) => `${queue}/to_process/export?format=csv&q=${ctx.reference}`)],
  [
    "POST bulk assign",
    post(
      (ctx) => `${queue}/to_process/assign?q=${ctx.reference}`,
      (ctx) => ({ toStaffId: ctx.colleague }),
    ),
  ],
  ["GET colleagues", get(() => "/api/agents/procedures/bourse-scolaire/colleagues")],
  ["GET request", get(request)],
  ["GET document", get((ctx) => `${request(ctx)}/documents/${ctx.uploadId}`)],
  ["GET archive", get((ctx) => `${request(ctx)}/archive.pdf`)],
  ["GET message attachment", get((ctx) => `${request(ctx)}/attachments/${ctx.attachmentId}`)],
  ["GET audit", get((ctx) => `${request(ctx)}/audit?format=json`), { supervisorOnly: true }],
  [
    "POST follow",
    post(
      (ctx) => `${request(ctx)}/follow`,
      () => ({}),
    ),
  ],
  [
    "POST transfer",
    post(
      (ctx) => `${request(ctx)}/transfer`,
      (ctx) => ({ toStaffId: ctx.colleague }),
    ),
  ],
  [
    "POST status",
    post(
      (ctx) => `${request(ctx)}/status`,
      () => ({ action: "start_review" }),
    ),
  ],
  [
    "POST note",
    post(
      (ctx) => `${request(ctx)}/notes`,
      () => ({ text: "Appeler lundi" }),
    ),
  ],
  [
    "POST ask",
    post(
      (ctx) => `${request(ctx)}/ask`,
      () => ({ kind: "documents", text: "Votre RIB", documents: ["ribFile"] }),
    ),
  ],
  [
    "POST message",
    post(
      (ctx) => `${request(ctx)}/messages`,
      () => ({ text: "Bonjour" }),
    ),
  ],
];

describe.each(DATABASES)("the agents' API on %s", (database) => {
  let server: TestServer;
  let failBeforeCommit = false;
  const cookies = {} as Record<Who, Record<string, string>>;
  let citizenToken = "";
  let citizenAddress = "";
  let colleague = "";
  let medicalId = "";

  beforeAll(async () => {
    server = await startTestServer(database, {
      accounts: { codesPerClientPerHour: 100_000 },
      processingHooks: {
        beforeCommit() {
          if (failBeforeCommit) throw new Error("the database went away");
        },
      },
    });
    const mail = (who: string) => `${who}-${randomUUID().slice(0, 8)}@province-sud.nc`;
    const staff = async (
      who: string,
      roles: ("agent" | "supervisor" | "mediator" | "administrator")[],
      procedures: string[],
    ) => {
      const account = await createStaffAccount(server.services, { email: mail(who), roles, procedures });
      return { account, cookie: { Cookie: await staffSignIn(server.app, account) } };
    };
    cookies.nobody = {};
    citizenAddress = `citizen-${randomUUID().slice(0, 8)}@example.nc`;
    citizenToken = await signInWithCode(server, citizenAddress);
    cookies.citizen = withSession(citizenToken);
    cookies.mediator = (await staff("mediator", ["mediator"], ["bourse-scolaire"])).cookie;
    cookies.administrator = (await staff("admin", ["administrator"], [])).cookie;
    cookies.otherAgent = (await staff("am", ["agent"], ["aide-medicale"])).cookie;
    cookies.agent = (await staff("bs", ["agent"], ["bourse-scolaire"])).cookie;
    cookies.supervisor = (await staff("sup", ["supervisor"], ["bourse-scolaire"])).cookie;
    colleague = (await staff("colleague", ["agent"], ["bourse-scolaire"])).account.id;
    const { answers } = example("aide-medicale", "eligible-single");
    const uploaded = await uploadDocumentsOf(server.app, "aide-medicale", answers, { size: 2048 });
    medicalId = newId();
    expect(
      (await putSubmission(server.app, medicalId, { flowId: "aide-medicale", flowVersion: 1, ...uploaded }))
        .status,
    ).toBe(201);
  });
  afterAll(() => server.close());

  /** A school-grant request sent by the signed-in citizen. */
  async function schoolRequest(): Promise<Ctx> {
    const sent = await sendRequestOver(server, withSession(citizenToken));
    const [document] = await server.services.processing.exchangesRepository.documents(sent.id);
    const attachment = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId: MESSAGE_ATTACHMENT_FIELD, filetype: "application/pdf" },
      documentBytes("application/pdf", 1000, 3),
    );
    const message = { clientId: randomUUID(), text: "Ci-joint", attachments: [attachment.uploadId] };
    const joined = await postJson(
      server.app,
      `/api/submissions/${sent.id}/messages`,
      message,
      cookies.citizen,
    );
    expect(joined.status).toBe(204);
    return {
      id: sent.id,
      reference: sent.reference,
      uploadId: document?.uploadId ?? "",
      attachmentId: attachment.uploadId,
      colleague,
    };
  }
  const auditOf = (id: string) => server.services.processing.repository.audit(id);
  const status = async (id: string) =>
    (
      await server.services.database.db
        .selectFrom("submissions")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;
  const pendingMessages = async () =>
    Number(
      (
        await server.services.database.db
          .selectFrom("messages")
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each(
    ROUTES.map(([name, call, options]) => ({ name, call, supervisorOnly: options?.supervisorOnly === true })),
  )("$name: refused to all but the procedure's staff, who get it", async ({ call, supervisorOnly }) => {
    const ctx = await schoolRequest();
    for (const [who, expected] of Object.entries(REFUSED)) {
      const response = await call(server, cookies[who as Who], ctx);
      expect(response.status, who).toBe(expected);
      expect((await errorOf(response)).code, who).toBeDefined();
    }
    expect(await auditOf(ctx.id), "nothing done, nothing read").toEqual([]);
    expect(await status(ctx.id)).toBe("received");
    const byAgent = await call(server, cookies.agent, ctx);
    if (supervisorOnly) expect(byAgent.status, "agent").toBe(403);
    else expect(byAgent.status, "agent").toBeLessThan(300);
    const other = await schoolRequest();
    const bySupervisor = await call(server, cookies.supervisor, other);
    expect(bySupervisor.status, "supervisor").toBeLessThan(300);
  });

  it("never shows an agent of medical aid the school grant's queue, requests, documents or counts", async () => {
    const ctx = await schoolRequest();
    const theirs = await server.app.request("/api/agents/procedures/aide-medicale/queues/to_process", {
      headers: cookies.otherAgent,
    });
    const page = (await theirs.json()) as QueuePageView;
    expect(page.rows.map((row) => row.flowId)).not.toContain("bourse-scolaire");
    expect(page.rows.map((row) => row.id)).toContain(medicalId);
    expect(JSON.stringify(page)).not.toContain(ctx.reference);
    const ours = await server.app.request(`${queue}/to_process`, { headers: cookies.agent });
    const school = (await ours.json()) as QueuePageView;
    expect(school.counts.to_process).toBe(school.total);
    expect(school.rows.map((row) => row.id)).not.toContain(medicalId);
    const medical = await server.app.request(`/api/agents/requests/${medicalId}`, { headers: cookies.agent });
    expect(medical.status).toBe(404);
  });

  it("filters, sorts and pages a queue from its address, and refuses a malformed filter", async () => {
    const ctx = await schoolRequest();
    const found = await server.app.request(
      `${queue}/to_process?q=${ctx.reference.toLowerCase()}&pageSize=5`,
      {
        headers: cookies.agent,
      },
    );
    const page = (await found.json()) as QueuePageView;
    expect(page.rows.map((row) => row.reference)).toEqual([ctx.reference]);
    expect(page.pageSize).toBe(5);
    const all = (await (
      await server.app.request(`${queue}/to_process?sort=reference&direction=desc&pageSize=2&page=1`, {
        headers: cookies.agent,
      })
    ).json()) as QueuePageView;
    expect(all.rows).toHaveLength(2);
    expect(all.rows.map((r) => r.reference)).toEqual([...all.rows.map((r) => r.reference)].sort().reverse());
    for (const bad of ["from=2026-02-31", "status=nope", "page=-1", "underCeiling=maybe"]) {
      const response = await server.app.request(`${queue}/to_process?${bad}`, { headers: cookies.agent });
      expect(response.status, bad).toBe(400);
    }
    expect((await server.app.request(`${queue}/nowhere`, { headers: cookies.agent })).status).toBe(404);
  });

  it("moves a request only along the lifecycle, with the department's reasons where they are needed", async () => {
    const ctx = await schoolRequest();
    const change = (body: unknown) => postJson(server.app, `${request(ctx)}/status`, body, cookies.agent);
    const refused = async (body: unknown, httpStatus: number, code: string) => {
      const response = await change(body);
      expect(response.status, JSON.stringify(body)).toBe(httpStatus);
      expect((await errorOf(response)).code).toBe(code);
    };
    await refused({ action: "accept" }, 409, "transition_not_allowed");
    await refused({ action: "start_review", reasonCode: "duplicate" }, 422, "reason_not_expected");
    await refused({ action: "start_review", reason: "pourquoi" }, 422, "reason_not_expected");
    expect((await change({ action: "start_review" })).status).toBe(200);
    await refused({ action: "refuse" }, 422, "reason_required");
    await refused({ action: "refuse", reason: "sans code" }, 422, "reason_required");
    await refused({ action: "refuse", reasonCode: "not_a_reason" }, 422, "unknown_reason");
    await refused({ action: "reopen", reason: "trop tôt" }, 409, "transition_not_allowed");
    const refusal = await change({ action: "refuse", reasonCode: "over_ceiling", reason: "QF 120 000" });
    expect(await refusal.json()).toEqual({ status: "refused" });
    await refused({ action: "close", reasonCode: "duplicate" }, 409, "transition_not_allowed");
    await refused({ action: "reopen" }, 422, "reason_required");
    expect((await change({ action: "reopen", reason: "Pièce reçue par courrier" })).status).toBe(200);
    expect(await (await change({ action: "accept" })).json()).toEqual({ status: "accepted" });
    await refused({ action: "accept" }, 409, "transition_not_allowed");

    const view = (await (
      await server.app.request(request(ctx), { headers: cookies.agent })
    ).json()) as AgentRequestView;
    expect(view.history.map((h) => [h.toStatus, h.reason])).toEqual([
      ["in_review", null],
      ["refused", "Ressources au-dessus du plafond\u00a0: QF 120 000"],
      ["in_review", "Pièce reçue par courrier"],
      ["accepted", null],
    ]);
    expect(view.actions).toEqual(["reopen"]);
    expect(view.reasons.refuse.map((r) => r.code)).toContain("over_ceiling");
    // What the citizen reads: the decision's reason is theirs.
    const standing = await server.app.request(`/api/submissions/${ctx.id}/status`, {
      headers: withSession(citizenToken),
    });
    expect(((await standing.json()) as { status: string }).status).toBe("accepted");
  });

  it("writes the audit entry and the citizen's notice with the change, or neither", async () => {
    const ctx = await schoolRequest();
    const before = await pendingMessages();
    failBeforeCommit = true;
    try {
      const failed = await postJson(
        server.app,
        `${request(ctx)}/status`,
        { action: "start_review" },
        cookies.agent,
      );
      expect(failed.status).toBe(500);
      const asked = await postJson(
        server.app,
        `${request(ctx)}/ask`,
        { kind: "correction", text: "Le nom" },
        cookies.agent,
      );
      expect(asked.status).toBe(500);
    } finally {
      failBeforeCommit = false;
    }
    expect(await status(ctx.id)).toBe("received");
    expect(await auditOf(ctx.id)).toEqual([]);
    expect(await pendingMessages()).toBe(before);
    expect(
      (await postJson(server.app, `${request(ctx)}/status`, { action: "start_review" }, cookies.agent))
        .status,
    ).toBe(200);
    expect((await auditOf(ctx.id)).map((entry) => entry.action)).toEqual(["start_review"]);
    expect(await pendingMessages()).toBe(before + 1);
  });

  it("shows the request in French with its computed values, and audits each read", async () => {
    const ctx = await schoolRequest();
    const view = (await (
      await server.app.request(request(ctx), { headers: cookies.agent })
    ).json()) as AgentRequestView;
    expect(view.flowTitle).not.toBe("bourse-scolaire");
    expect(view.sections.length).toBeGreaterThan(0);
    expect(view.sections.every((s) => !s.title.includes(".") || s.title.includes(" "))).toBe(true);
    const quotient = view.computed.find((c) => c.id === "familyQuotient");
    expect(quotient?.label).toMatch(/quotient/i);
    expect(quotient?.explanation).not.toMatch(/\{\{/);
    expect(view.documents.map((d) => d.uploadId)).toContain(ctx.uploadId);
    expect(view.request.estimate).toBe("likely");
    await server.app.request(request(ctx), { headers: cookies.supervisor });
    const trail = await server.app.request(`${request(ctx)}/audit?format=csv`, {
      headers: cookies.supervisor,
    });
    expect(trail.status).toBe(200);
    const lines = (await trail.text()).trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((line) => line.includes(";read;"))).toBe(true);
  });

  it("serves a document to the procedure's staff only, sandboxed and never cached", async () => {
    const ctx = await schoolRequest();
    const path = `${request(ctx)}/documents/${ctx.uploadId}`;
    const served = await server.app.request(path, { headers: cookies.agent });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toMatch(/^inline; filename="[A-Z]+-\d{4}-\d+-1\.pdf"$/);
    expect(served.headers.get("Cache-Control")).toBe("no-store");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Content-Security-Policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(new TextDecoder().decode((await served.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const medicalUpload = (await server.services.processing.exchangesRepository.documents(medicalId))[0]
      ?.uploadId;
    const elsewhere = await server.app.request(`${request(ctx)}/documents/${medicalUpload}`, {
      headers: cookies.agent,
    });
    expect(elsewhere.status, "another request's document through this one").toBe(404);
    expect((await server.app.request(path, { headers: cookies.otherAgent })).status).toBe(404);
    expect((await auditOf(ctx.id)).map((e) => [e.action, e.detail])).toEqual([["read", "document 1"]]);
  });

  it("exports the filtered queue as CSV and XLSX, and one request as a PDF, read back", async () => {
    const ctx = await schoolRequest();
    const csv = await server.app.request(`${queue}/to_process/export?format=csv&q=${ctx.reference}`, {
      headers: cookies.agent,
    });
    expect(csv.headers.get("Content-Disposition")).toContain("attachment");
    const rows = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]?.split(";")[0]).toBe(ctx.reference);
    const xlsx = await server.app.request(`${queue}/to_process/export?format=xlsx&q=${ctx.reference}`, {
      headers: cookies.agent,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]?.getRow(2).getCell(1).value).toBe(ctx.reference);
    expect(
      (await server.app.request(`${queue}/to_process/export?format=ods`, { headers: cookies.agent })).status,
    ).toBe(400);
    const pdf = await server.app.request(`${request(ctx)}/archive.pdf`, { headers: cookies.agent });
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    const document = await PDFDocument.load(await pdf.arrayBuffer());
    expect(document.getTitle()).toBe(`Demande ${ctx.reference}`);
    expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
  });

  it("transfers and assigns in bulk only to an agent of the procedure", async () => {
    const ctx = await schoolRequest();
    for (const toStaffId of ["nobody-at-all", "x".repeat(64)]) {
      const refused = await postJson(server.app, `${request(ctx)}/transfer`, { toStaffId }, cookies.agent);
      expect(refused.status).toBe(422);
      expect((await errorOf(refused)).code).toBe("not_an_agent_of_procedure");
    }
    const medicalAgent = await createStaffAccount(server.services, {
      email: `am2-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["aide-medicale"],
    });
    const wrong = await postJson(
      server.app,
      `${queue}/to_process/assign?q=${ctx.reference}`,
      { toStaffId: medicalAgent.id },
      cookies.supervisor,
    );
    expect(wrong.status).toBe(422);
    const bulk = await postJson(
      server.app,
      `${queue}/to_process/assign?q=${ctx.reference}`,
      { toStaffId: colleague },
      cookies.supervisor,
    );
    expect(await bulk.json()).toEqual({ assigned: 1 });
    const view = (await (
      await server.app.request(request(ctx), { headers: cookies.agent })
    ).json()) as AgentRequestView;
    expect(view.request.assignedStaffId).toBe(colleague);
  });

  it("names the procedure's agents to hand a request to: not another procedure's, nor a disabled account", async () => {
    const disabled = await createStaffAccount(server.services, {
      email: `gone-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
    });
    await server.services.staff.accounts.disable(disabled.id);
    const name = `Aïcha Wamytan ${randomUUID().slice(0, 4)}`;
    const named = await createStaffAccount(server.services, {
      email: `aicha-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
      name,
    });
    const answer = await server.app.request("/api/agents/procedures/bourse-scolaire/colleagues", {
      headers: cookies.supervisor,
    });
    const { colleagues } = (await answer.json()) as { colleagues: { id: string; name: string }[] };
    expect(colleagues).toContainEqual({ id: named.id, name });
    expect(colleagues.map((c) => c.id)).toContain(colleague);
    const ids = colleagues.map((c) => c.id);
    expect(ids).not.toContain(disabled.id);
    const medical = await server.app.request("/api/agents/procedures/aide-medicale/colleagues", {
      headers: cookies.otherAgent,
    });
    const medicalIds = ((await medical.json()) as { colleagues: { id: string }[] }).colleagues.map(
      (c) => c.id,
    );
    expect(
      medicalIds.some((id) => ids.includes(id)),
      "no agent of both",
    ).toBe(false);
    const names = colleagues.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "fr")));
    expect(
      (
        await server.app.request("/api/agents/procedures/aide-medicale/colleagues", {
          headers: cookies.agent,
        })
      ).status,
    ).toBe(404);
  });

  it("titles the procedures of a queue, and offers the flow's documents to ask for by name", async () => {
    const ctx = await schoolRequest();
    const page = (await (
      await server.app.request(`${queue}/to_process?q=${ctx.reference}`, { headers: cookies.agent })
    ).json()) as QueuePageView;
    expect(page.procedures).toEqual([{ id: "bourse-scolaire", title: expect.stringMatching(/bourse/i) }]);
    const view = (await (
      await server.app.request(request(ctx), { headers: cookies.agent })
    ).json()) as AgentRequestView;
    expect(view.documentFields.length).toBeGreaterThan(0);
    expect(
      view.documentFields.every((field) => !field.label.includes(":") && field.label !== field.fieldId),
    ).toBe(true);
    const ask = (body: unknown) => postJson(server.app, `${request(ctx)}/ask`, body, cookies.agent);
    const noWords = await ask({ kind: "correction", text: "  " });
    expect((await errorOf(noWords)).code).toBe("ask_text_required");
    const noDocument = await ask({ kind: "documents", text: "Merci", documents: [] });
    expect((await errorOf(noDocument)).code).toBe("ask_documents_required");
    expect(await status(ctx.id)).toBe("received");
    const chosen = view.documentFields.slice(0, 2).map((field) => field.fieldId);
    const asking = await ask({ kind: "documents", documents: chosen });
    expect(
      asking.status,
      JSON.stringify(
        await asking
          .clone()
          .json()
          .catch(() => null),
      ),
    ).toBe(204);
    const asked = (await (
      await server.app.request(request(ctx), { headers: cookies.agent })
    ).json()) as AgentRequestView;
    expect(asked.request.status).toBe("awaiting_citizen");
    expect(asked.tasks[0]?.documents).toEqual(view.documentFields.slice(0, 2));
    // Asked without words, the history names the documents.
    expect(asked.history.at(-1)?.reason).toBe(
      view.documentFields
        .slice(0, 2)
        .map((field) => field.label)
        .join(", "),
    );
  });
});
