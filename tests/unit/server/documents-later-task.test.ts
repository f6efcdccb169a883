/**
 * Documents the person chose to send later (issue 13), on each database: a request sent with
 * "je l'enverrai plus tard" carries, from its receipt, a task naming those documents; the person
 * adds them afterwards as they answer an agent's task (tus, then the answer kept once by its
 * client id), the request is not held waiting for them, and an agent's own question still moves
 * it on once answered. A decision's reason reaches the owner's status.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgentRequestView, CitizenExchanges } from "../../../src/shared/api/agents";
import type { Receipt } from "../../../src/shared/api/submission";
import { createStaffAccount, staffSignIn } from "../../support/staff-accounts";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, uploadDocumentsOf, uploadWhole } from "./support/documents";
import { example } from "./support/examples";
import { newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

describe.each(DATABASES)("documents sent later on %s", (database) => {
  let server: TestServer;
  let agent: Record<string, string>;
  let citizen: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(database, { accounts: { codesPerClientPerHour: 100_000 } });
    const account = await createStaffAccount(server.services, {
      email: `later-${randomUUID().slice(0, 8)}@province-sud.nc`,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
    });
    agent = { Cookie: await staffSignIn(server.app, account) };
    citizen = withSession(await signInWithCode(server, `later-${randomUUID().slice(0, 8)}@example.nc`));
  });
  afterAll(() => server.close());

  async function sendWithLater(): Promise<Receipt> {
    const { answers, flowVersion } = example("bourse-scolaire", "documents-later");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const response = await putSubmission(
      server.app,
      newId(),
      { flowId: "bourse-scolaire", flowVersion, ...uploaded },
      citizen,
    );
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Receipt;
  }
  const exchangesOf = async (id: string) =>
    (await (
      await server.app.request(`/api/submissions/${id}/exchanges`, { headers: citizen })
    ).json()) as CitizenExchanges;
  const statusOf = async (id: string) =>
    (await (await server.app.request(`/api/submissions/${id}/status`, { headers: citizen })).json()) as {
      status: string;
      reason?: string;
    };
  const upload = async (fieldId: string) => {
    const done = await uploadWhole(
      server.app,
      { flowId: "bourse-scolaire", fieldId, filetype: "application/pdf" },
      documentBytes("application/pdf", 3000, Math.floor(Math.random() * 1000)),
    );
    expect(done.response.status).toBe(201);
    return done.uploadId;
  };

  it("asks for the documents left for later from the receipt, and takes them once without holding the request", async () => {
    const sent = await sendWithLater();
    const { tasks } = await exchangesOf(sent.id);
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task).toMatchObject({ origin: "later", kind: "documents", answeredAt: null });
    expect(task?.documents.map((d) => d.fieldId)).toEqual(["taxNoticeFile", "custodyFile"]);
    expect(task?.text).toBe("Les documents que la personne a choisi d'envoyer plus tard.");
    // Nothing of the person's is awaited: the request is an ordinary new one in the queues.
    expect((await statusOf(sent.id)).status).toBe("received");

    const uploadId = await upload("taxNoticeFile");
    const answer = { clientId: randomUUID(), documents: [{ fieldId: "taxNoticeFile", uploadId }] };
    const path = `/api/submissions/${sent.id}/tasks/${task?.id}/answer`;
    for (let i = 0; i < 2; i++) expect((await postJson(server.app, path, answer, citizen)).status).toBe(204);
    expect((await statusOf(sent.id)).status).toBe("received");
    const view = (await (
      await server.app.request(`/api/agents/requests/${sent.id}`, { headers: agent })
    ).json()) as AgentRequestView;
    expect(view.documents.filter((d) => d.uploadId === uploadId)).toHaveLength(1);
    expect(view.tasks[0]).toMatchObject({ origin: "later" });
    expect(view.tasks[0]?.answeredAt).not.toBeNull();

    // One of the two came: the other is still due, and can come later the same way.
    const after = (await exchangesOf(sent.id)).tasks;
    expect(after.map((t) => [t.origin, t.documents.map((d) => d.fieldId), t.answeredAt === null])).toEqual([
      ["later", ["taxNoticeFile", "custodyFile"], false],
      ["later", ["custodyFile"], true],
    ]);
    expect(after[1]?.text).toBe("Le document que la personne a choisi d'envoyer plus tard.");
    const custody = await upload("custodyFile");
    const last = await postJson(
      server.app,
      `/api/submissions/${sent.id}/tasks/${after[1]?.id}/answer`,
      { clientId: randomUUID(), documents: [{ fieldId: "custodyFile", uploadId: custody }] },
      citizen,
    );
    expect(last.status).toBe(204);
    expect((await exchangesOf(sent.id)).tasks.every((t) => t.answeredAt !== null)).toBe(true);
  });

  it("a request sent without documents for later carries no task", async () => {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const id = newId();
    const response = await putSubmission(
      server.app,
      id,
      { flowId: "bourse-scolaire", flowVersion: 1, ...uploaded },
      citizen,
    );
    expect(response.status).toBe(201);
    expect((await exchangesOf(id)).tasks).toEqual([]);
  });

  it("moves the request on when the agent's question is answered, documents for later still due", async () => {
    const sent = await sendWithLater();
    const asked = await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/ask`,
      { kind: "correction", text: "Quelle est l'école de votre enfant ?" },
      agent,
    );
    expect(asked.status).toBe(204);
    expect((await statusOf(sent.id)).status).toBe("awaiting_citizen");
    const agentTask = (await exchangesOf(sent.id)).tasks.find((t) => t.origin === "agent");
    const answered = await postJson(
      server.app,
      `/api/submissions/${sent.id}/tasks/${agentTask?.id}/answer`,
      { clientId: randomUUID(), text: "Collège de Magenta" },
      citizen,
    );
    expect(answered.status).toBe(204);
    expect((await statusOf(sent.id)).status).toBe("in_review");

    const accepted = await postJson(
      server.app,
      `/api/agents/requests/${sent.id}/status`,
      { action: "accept", reason: "Bourse de 40 000 F par trimestre." },
      agent,
    );
    expect(accepted.status).toBe(200);
    expect(await statusOf(sent.id)).toMatchObject({
      status: "accepted",
      reason: "Bourse de 40 000 F par trimestre.",
    });
  });
});
