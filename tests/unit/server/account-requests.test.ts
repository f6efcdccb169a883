/**
 * Requests that follow the person, through the HTTP API on each database: a request sent while
 * signed in is the account's; a device attaches what it sent without an account by its receipts,
 * never another account's; the list and one request's status say where each stands, with the
 * reason a decision came with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, signInWithCode, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { errorOf, newId, putSubmission } from "./support/requests";
import { sendRequestOver } from "./support/sent-requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

describe.each(DATABASES)("the account's requests on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  const get = (path: string, token?: string) =>
    server.app.request(path, token ? { headers: withSession(token) } : {});
  const listOf = async (token: string) =>
    ((await (await get("/api/account/requests", token)).json()) as { requests: { id: string }[] }).requests;
  const attach = (token: string, requests: { id: string; reference: string }[]) =>
    postJson(server.app, "/api/account/requests/attach", { requests }, withSession(token));

  it("lists a request sent while signed in, on every session of the account, with its status", async () => {
    const phone = await signInWithCode(server, "sent-signed-in@example.nc");
    const receipt = await sendRequestOver(server, withSession(phone));
    const pc = await signInWithCode(server, "sent-signed-in@example.nc");
    const response = await get("/api/account/requests", pc);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      requests: [
        {
          id: receipt.id,
          flowId: "bourse-scolaire",
          flowVersion: 1,
          reference: receipt.reference,
          sentAt: receipt.receivedAt,
          status: "received",
          statusChangedAt: receipt.receivedAt,
        },
      ],
    });
  });

  it("attaches a device's account-free request by its receipt, once, and never another account's", async () => {
    const receipt = await sendRequestOver(server);
    const mine = await signInWithCode(server, "attach-mine@example.nc");
    const theirs = await signInWithCode(server, "attach-theirs@example.nc");
    const proof = { id: receipt.id, reference: receipt.reference };

    // The id alone, as an address in a shared PC's history shows it, is not the receipt.
    const guessed = await attach(theirs, [{ id: receipt.id, reference: "BS-2026-999999" }]);
    expect(await guessed.json()).toEqual({ results: [{ id: receipt.id, outcome: "refused" }] });

    expect(await (await attach(mine, [proof])).json()).toEqual({
      results: [{ id: receipt.id, outcome: "attached" }],
    });
    expect(await (await attach(mine, [proof])).json()).toEqual({
      results: [{ id: receipt.id, outcome: "already" }],
    });
    // Someone else holding the same receipt cannot take it, and is not told whose it is.
    const unknown = newId();
    expect(
      await (await attach(theirs, [proof, { id: unknown, reference: receipt.reference }])).json(),
    ).toEqual({
      results: [
        { id: receipt.id, outcome: "refused" },
        { id: unknown, outcome: "refused" },
      ],
    });
    expect((await listOf(mine)).map((r) => r.id)).toEqual([receipt.id]);
    expect(await listOf(theirs)).toEqual([]);
  });

  it("does not give a request sent while signed in to another account that sends it again", async () => {
    const owner = await signInWithCode(server, "first-sender@example.nc");
    const receipt = await sendRequestOver(server, withSession(owner));
    const other = await signInWithCode(server, "second-sender@example.nc");
    // The same request sent again, as a lost answer makes the sender do: a replay, still the owner's.
    const replay = await putSubmission(server.app, receipt.id, receipt.body, withSession(other));
    expect(replay.status).toBe(200);
    expect(await listOf(other)).toEqual([]);
    expect((await listOf(owner)).map((r) => r.id)).toEqual([receipt.id]);
  });

  it("refuses malformed or oversized proofs with 400, and anonymous callers with 401", async () => {
    const token = await signInWithCode(server, "bad-proofs@example.nc");
    for (const requests of [[], [{ id: "not-a-uuid", reference: "x" }], "x"]) {
      const response = await postJson(
        server.app,
        "/api/account/requests/attach",
        { requests },
        withSession(token),
      );
      expect(response.status, JSON.stringify(requests)).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_body");
    }
    const many = Array.from({ length: 101 }, () => ({ id: newId(), reference: "BS-2026-000001" }));
    expect((await attach(token, many)).status).toBe(400);
    const anonymous = await postJson(server.app, "/api/account/requests/attach", { requests: many });
    expect(anonymous.status).toBe(401);
  });

  it("tells one request's status with the reason of its decision: to its owner, or by its id when it has none", async () => {
    const owner = await signInWithCode(server, "status-owner@example.nc");
    const owned = await sendRequestOver(server, withSession(owner));
    const free = await sendRequestOver(server);
    const { requests } = server.services;
    await requests.changeStatus(owned.id, "start_review", { actor: "staff:agent-1" });
    const refusal = "Le quotient familial dépasse le plafond de l'année.";
    await requests.changeStatus(owned.id, "refuse", { actor: "staff:agent-1", reason: refusal });

    const status = await get(`/api/submissions/${owned.id}/status`, owner);
    expect(status.status).toBe(200);
    const body = (await status.json()) as { status: string; reason?: string; statusChangedAt: string };
    expect(body).toMatchObject({ id: owned.id, status: "refused", reason: refusal });
    expect(Date.parse(body.statusChangedAt)).toBeGreaterThanOrEqual(Date.parse(owned.receivedAt));

    // Another account, or nobody, is told nothing of an account's request.
    const stranger = await signInWithCode(server, "status-stranger@example.nc");
    for (const token of [stranger, undefined]) {
      const response = await get(`/api/submissions/${owned.id}/status`, token);
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe("not_found");
    }
    // A request sent without an account: the device holding its id follows it.
    expect(await (await get(`/api/submissions/${free.id}/status`)).json()).toMatchObject({
      id: free.id,
      status: "received",
    });
    // The review's start carries no reason for the person; the list says the same as the receipt.
    await requests.changeStatus(free.id, "start_review", { actor: "staff:agent-1" });
    expect(await (await get(`/api/submissions/${free.id}/status`)).json()).not.toHaveProperty("reason");
    expect((await get(`/api/submissions/not-an-id/status`)).status).toBe(400);
    expect((await get(`/api/submissions/${newId()}/status`)).status).toBe(404);
  });

  it("gives an account's receipt to its owner alone, and an account-free one to whoever holds its id", async () => {
    const owner = await signInWithCode(server, "receipt-owner@example.nc");
    const owned = await sendRequestOver(server, withSession(owner));
    const free = await sendRequestOver(server);
    expect(await (await get(`/api/submissions/${owned.id}`, owner)).json()).toMatchObject({
      id: owned.id,
      reference: owned.reference,
    });
    const stranger = await signInWithCode(server, "receipt-stranger@example.nc");
    for (const token of [stranger, undefined]) {
      const response = await get(`/api/submissions/${owned.id}`, token);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(owned.reference);
    }
    expect(await (await get(`/api/submissions/${free.id}`)).json()).toMatchObject({
      reference: free.reference,
    });
  });
});
