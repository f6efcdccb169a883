/**
 * The citizen's half of the back office, on each database: an agent asks for a document, the
 * person is told by email (the reference only), reads the task, adds the document through tus
 * and answers — sent twice by the outbox, kept once —, and messages go both ways. Only the
 * request's owner (their account, or for a request without one the device holding its id).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestStatusView } from "../../../src/shared/api/account-requests";
import type { AgentRequestView, CitizenExchanges } from "../../../src/shared/api/agents";
import { exchangesChanged, latestExchange } from "../../../src/shared/api/exchanges-changed";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { lastMessageTo, postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, uploadWhole } from "./support/documents";
import { errorOf } from "./support/requests";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

describe.each(DATABASES)("asking the citizen on %s", (database) => {
  let server: TestServer;
  let agent: Record<string, string>;
  let citizen = "";
  let address = "";
  let stranger = "";

  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
    const account = await createStaffAccount(server.services, {
      email: `bs-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
    });
    agent = { Cookie: await staffSignIn(server.app, account) };
    address = `citizen-${randomUUID().slice(0, 8)}@example.nc`;
    citizen = await signInWithCode(server, address);
    stranger = await signInWithCode(server, `stranger-${randomUUID().slice(0, 8)}@example.nc`);
  });
  afterAll(() => server.close());

  const exchangesOf = async (id: string, headers: Record<string, string>) =>
    server.app.request(`/api/submissions/${id}/exchanges`, { headers });
  const statusOf = async (id: string) =>
    (await (
      await server.app.request(`/api/submissions/${id}/status`, { headers: withSession(citizen) })
    ).json()) as {
      status: string;
      reason?: string;
    };

  it("asks for a document, tells the person, and takes their answer exactly once", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const asked = await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "documents", text: "Il manque votre RIB.", documents: ["ribFile"] },
      agent,
    );
    expect(asked.status).toBe(204);
    expect(await statusOf(sent.id)).toMatchObject({
      status: "awaiting_citizen",
      reason: "Il manque votre RIB.",
    });

    const notice = await lastMessageTo(server, address);
    expect(notice.subject).toContain(sent.reference);
    expect(notice.text).toContain(sent.reference);
    // Nothing of the request but its reference: not the names, not what is asked.
    expect(notice.text).not.toContain("RIB");
    expect(notice.text).not.toContain("Dupont");

    expect((await exchangesOf(sent.id, {})).status, "signed out").toBe(404);
    expect((await exchangesOf(sent.id, withSession(stranger))).status, "another account").toBe(404);
    const own = (await (await exchangesOf(sent.id, withSession(citizen))).json()) as CitizenExchanges;
    const [task] = own.tasks;
    expect(task).toMatchObject({ kind: "documents", text: "Il manque votre RIB.", answeredAt: null });
    expect(task?.documents.map((d) => d.fieldId)).toEqual(["ribFile"]);
    expect(task?.documents[0]?.label).not.toBe("ribFile");

    const upload = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" },
      documentBytes("application/pdf", 3000, 99),
    );
    expect(upload.response.status).toBe(201);
    const answer = { clientId: randomUUID(), documents: [{ fieldId: "ribFile", uploadId: upload.uploadId }] };
    const path = `/api/submissions/${sent.id}/tasks/${task?.id}/answer`;
    expect((await postJson(server.app, path, answer, withSession(stranger))).status).toBe(404);
    // The outbox sends again when the first answer was lost: the same answer, kept once.
    for (let i = 0; i < 2; i++)
      expect((await postJson(server.app, path, answer, withSession(citizen))).status).toBe(204);
    const changed = await postJson(server.app, path, { ...answer, text: "autre" }, withSession(citizen));
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).code).toBe("task_answer_conflict");
    const another = await postJson(
      server.app,
      path,
      { clientId: randomUUID(), text: "encore" },
      withSession(citizen),
    );
    expect((await errorOf(another)).code).toBe("task_answered");

    expect((await statusOf(sent.id)).status).toBe("in_review");
    const view = (await (
      await server.app.request(`/api/agents/requests/${sent.id}`, { headers: agent })
    ).json()) as AgentRequestView;
    expect(view.documents.filter((d) => d.uploadId === upload.uploadId)).toHaveLength(1);
    expect(view.tasks[0]?.answeredAt).not.toBeNull();
    expect(view.history.map((h) => h.action)).toEqual(["ask_citizen", "citizen_answered"]);
    const served = await server.app.request(`/api/agents/requests/${sent.id}/documents/${upload.uploadId}`, {
      headers: agent,
    });
    expect(served.status).toBe(200);
  });

  it("refuses an answer naming a document not asked for, or an upload that is not there", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "documents", text: "RIB", documents: ["ribFile"] },
      agent,
    );
    const unknown = await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "documents", text: "?", documents: ["noSuchField"] },
      agent,
    );
    expect((await errorOf(unknown)).code).toBe("unknown_document_field");
    const own = (await (await exchangesOf(sent.id, withSession(citizen))).json()) as CitizenExchanges;
    const path = `/api/submissions/${sent.id}/tasks/${own.tasks[0]?.id}/answer`;
    const notAsked = await postJson(
      server.app,
      path,
      { clientId: randomUUID(), documents: [{ fieldId: "other", uploadId: "x" }] },
      withSession(citizen),
    );
    expect((await errorOf(notAsked)).code).toBe("unknown_document_field");
    const missing = await postJson(
      server.app,
      path,
      { clientId: randomUUID(), documents: [{ fieldId: "ribFile", uploadId: "not-an-upload" }] },
      withSession(citizen),
    );
    expect((await errorOf(missing)).code).toBe("attachment_invalid");
    expect((await statusOf(sent.id)).status, "still waiting").toBe("awaiting_citizen");
  });

  it("carries messages both ways, the citizen's kept once, and tells the person of the agent's", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    expect(
      (
        await postJson(
          server.app,
          `/api/agents/requests/${sent.id}/messages`,
          { text: "Bonjour, tout est là." },
          agent,
        )
      ).status,
    ).toBe(204);
    expect((await lastMessageTo(server, address)).subject).toContain(sent.reference);
    const message = { clientId: randomUUID(), text: "Merci !" };
    for (let i = 0; i < 2; i++)
      expect(
        (await postJson(server.app, `/api/submissions/${sent.id}/messages`, message, withSession(citizen)))
          .status,
      ).toBe(204);
    const own = (await (await exchangesOf(sent.id, withSession(citizen))).json()) as CitizenExchanges;
    expect(own.messages.map((m) => [m.from, m.text])).toEqual([
      ["staff", "Bonjour, tout est là."],
      ["citizen", "Merci !"],
    ]);
  });

  it("lets the device that sent a request without an account follow it by its id", async () => {
    const sent = await sendRequestOver(server);
    await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "correction", text: "Votre adresse" },
      agent,
    );
    const read = await exchangesOf(sent.id, {});
    expect(read.status).toBe(200);
    expect(((await read.json()) as CitizenExchanges).tasks.map((t) => t.kind)).toEqual(["correction"]);
  });

  it("says with a request's status when its exchanges last moved, the instant its exchanges carry", async () => {
    const sent = await sendRequestOver(server, withSession(citizen));
    const standing = async () => {
      const listed = (await (
        await server.app.request("/api/account/requests", { headers: withSession(citizen) })
      ).json()) as { requests: RequestStatusView[] };
      const one = (await (
        await server.app.request(`/api/submissions/${sent.id}/status`, { headers: withSession(citizen) })
      ).json()) as RequestStatusView;
      expect(listed.requests.find((r) => r.id === sent.id)?.exchangesAt).toBe(one.exchangesAt);
      return one.exchangesAt;
    };
    const held = async () =>
      (await (await exchangesOf(sent.id, withSession(citizen))).json()) as CitizenExchanges;
    expect(await standing(), "nothing asked or written yet").toBeUndefined();

    await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "correction", text: "Votre adresse" },
      agent,
    );
    const copy = await held();
    const asked = await standing();
    expect(asked).toBe(latestExchange(copy));
    // A device holding that copy has nothing to fetch; one without a copy has.
    expect(exchangesChanged(asked, copy)).toBe(false);
    expect(exchangesChanged(asked, undefined)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await postJson(server.app, `/api/agents/requests/${sent.id}/messages`, { text: "Bonjour." }, agent);
    const written = await standing();
    expect(written).toBe(latestExchange(await held()));
    expect(exchangesChanged(written, copy), "a message came after the copy").toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const [task] = copy.tasks;
    await postJson(
      server.app,
      `/api/submissions/${sent.id}/tasks/${task?.id}/answer`,
      { clientId: randomUUID(), text: "12 rue des Flamboyants" },
      withSession(citizen),
    );
    const answered = await standing();
    expect(answered).toBe(latestExchange(await held()));
    expect(answered, "the answer moved it too").not.toBe(written);
  });
});
