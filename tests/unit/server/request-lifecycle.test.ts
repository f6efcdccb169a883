/**
 * A request's life once sent: every transition allowed and refused (the lifecycle as an explicit
 * state machine), the status and its history written together, and two changes at once never
 * both applied. Through the requests domain, on each database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actionsFrom,
  nextStatus,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
} from "../../../src/server/requests/lifecycle";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { uploadDocumentsOf } from "./support/documents";
import { example } from "./support/examples";
import { newId } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

/** Every (status, action) pair and where it leads; anything absent is refused. */
const ALLOWED: Readonly<Record<string, RequestStatus>> = {
  "received start_review": "in_review",
  "received ask_citizen": "awaiting_citizen",
  "received close": "closed",
  "in_review ask_citizen": "awaiting_citizen",
  "in_review accept": "accepted",
  "in_review refuse": "refused",
  "in_review close": "closed",
  "awaiting_citizen citizen_answered": "in_review",
  "awaiting_citizen close": "closed",
  "accepted reopen": "in_review",
  "refused reopen": "in_review",
  "closed reopen": "in_review",
};
const ACTIONS: readonly RequestAction[] = [
  "start_review",
  "ask_citizen",
  "citizen_answered",
  "accept",
  "refuse",
  "close",
  "reopen",
];
const NEEDS_REASON = new Set<RequestAction>(["ask_citizen", "refuse", "close", "reopen"]);
const TAKES_NO_REASON = new Set<RequestAction>(["start_review", "citizen_answered"]);

describe("the lifecycle of a request", () => {
  const pairs = REQUEST_STATUSES.flatMap((status) => ACTIONS.map((action) => [status, action] as const));
  it.each(pairs)("from %s, %s", (status, action) => {
    const reason = TAKES_NO_REASON.has(action) ? undefined : "Pièce justificative reçue";
    const expected = ALLOWED[`${status} ${action}`];
    expect(nextStatus(status, action, reason)).toEqual(
      expected ? { ok: true, to: expected } : { ok: false, problem: "not_allowed" },
    );
  });

  it("asks for a reason to refuse, close, reopen or ask the citizen, and takes one to accept", () => {
    for (const action of NEEDS_REASON) {
      const from = REQUEST_STATUSES.find((status) => ALLOWED[`${status} ${action}`]) as RequestStatus;
      expect(nextStatus(from, action, "  ")).toEqual({ ok: false, problem: "reason_required" });
    }
    expect(nextStatus("in_review", "accept")).toEqual({ ok: true, to: "accepted" });
    expect(nextStatus("in_review", "accept", "Dossier complet")).toEqual({ ok: true, to: "accepted" });
    expect(nextStatus("received", "start_review", "pourquoi")).toEqual({
      ok: false,
      problem: "reason_not_expected",
    });
  });

  it("offers from each status exactly the actions it allows", () => {
    for (const status of REQUEST_STATUSES)
      expect(actionsFrom(status).sort()).toEqual(
        ACTIONS.filter((action) => ALLOWED[`${status} ${action}`]).sort(),
      );
  });
});

describe.each(DATABASES)("status changes on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  async function sentRequest(): Promise<string> {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const id = newId();
    const outcome = await server.services.requests.submit(id, {
      flowId: "bourse-scolaire",
      flowVersion: 1,
      ...uploaded,
    });
    expect(outcome.kind).toBe("created");
    return id;
  }

  it("moves a request to a decision and keeps each step in its history", async () => {
    const { requests } = server.services;
    const id = await sentRequest();
    const agent = { actor: "staff:agent-1" };
    expect(await requests.changeStatus(id, "start_review", agent)).toEqual({ ok: true, status: "in_review" });
    expect(
      await requests.changeStatus(id, "ask_citizen", { ...agent, reason: "Avis d'imposition 2025" }),
    ).toEqual({ ok: true, status: "awaiting_citizen" });
    expect(await requests.changeStatus(id, "citizen_answered", { actor: "citizen" })).toEqual({
      ok: true,
      status: "in_review",
    });
    expect(await requests.changeStatus(id, "accept", agent)).toEqual({ ok: true, status: "accepted" });
    expect(await requests.changeStatus(id, "refuse", { ...agent, reason: "Trop tard" })).toEqual({
      ok: false,
      problem: "not_allowed",
    });

    expect((await requests.receipt(id))?.status).toBe("accepted");
    const history = await requests.history(id);
    expect(history.map((e) => [e.position, e.action, e.fromStatus, e.toStatus, e.actor, e.reason])).toEqual([
      [1, "start_review", "received", "in_review", "staff:agent-1", null],
      [2, "ask_citizen", "in_review", "awaiting_citizen", "staff:agent-1", "Avis d'imposition 2025"],
      [3, "citizen_answered", "awaiting_citizen", "in_review", "citizen", null],
      [4, "accept", "in_review", "accepted", "staff:agent-1", null],
    ]);
  });

  it("applies one of two changes made at once, and records only that one", async () => {
    const { requests } = server.services;
    const id = await sentRequest();
    await requests.changeStatus(id, "start_review", { actor: "staff:a" });
    const results = await Promise.all([
      requests.changeStatus(id, "accept", { actor: "staff:a" }),
      requests.changeStatus(id, "refuse", { actor: "staff:b", reason: "Hors délai" }),
    ]);
    const applied = results.filter((result) => result.ok);
    expect(applied).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, problem: expect.stringMatching(/^(changed|not_allowed)$/) },
    ]);
    const history = await requests.history(id);
    expect(history).toHaveLength(2);
    expect(history[1]?.toStatus).toBe((await requests.receipt(id))?.status);
  });

  it("says a request it does not hold is not found", async () => {
    expect(await server.services.requests.changeStatus(newId(), "start_review", { actor: "x" })).toEqual({
      ok: false,
      problem: "not_found",
    });
  });

  it("gives an account-less request to one account only", async () => {
    const { requests } = server.services;
    const id = await sentRequest();
    expect(await requests.attachOwner(id, "account-1")).toBe(true);
    expect(await requests.attachOwner(id, "account-1")).toBe(true);
    expect(await requests.attachOwner(id, "account-2")).toBe(false);
  });
});
