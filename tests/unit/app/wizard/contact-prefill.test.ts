// @vitest-environment happy-dom
/**
 * Signed in, a new draft's contact question already holds the account's email or mobile, as
 * answers the person sees and changes; signed out, offline or for another account, nothing; and
 * starting alone still writes no draft.
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { listDrafts } from "../../../../src/app/storage/drafts";
import { setSignedInHint } from "../../../../src/app/sync/signed-in-hint";
import { contactPrefill } from "../../../../src/app/wizard/contact-prefill";
import { loadFlow } from "../../../../src/app/wizard/flows";
import { startSession } from "../../../../src/app/wizard/session";
import { validateStep } from "../../../../src/shared/engine/validate";
import type { Flow } from "../../../../src/shared/flow/schema";
import { miniFlow } from "../../shared/mini-flow";

const DRAFT = "5c1f6a2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b";

afterEach(async () => {
  vi.unstubAllGlobals();
  setSignedInHint(false);
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

async function flowOf(id: string): Promise<Flow> {
  const loaded = await loadFlow(id);
  if (!loaded) throw new Error(`${id} is missing`);
  return loaded.flow;
}

const account = (signIn: unknown) => ({ id: "acc-1", createdAt: "2026-11-01T00:00:00.000Z", signIn });

describe("the contact answers an account gives", () => {
  it("an email it signs in with: the email way, filled in", async () => {
    const flow = await flowOf("bourse-scolaire");
    expect(contactPrefill(flow, { method: "code", channel: "email", address: "marie@example.nc" })).toEqual({
      contactBy: ["email"],
      contactEmail: "marie@example.nc",
    });
  });

  it("a +687 mobile: the phone way, written as people read it and accepted by the question", async () => {
    const flow = await flowOf("aide-medicale");
    const answers = contactPrefill(flow, { method: "code", channel: "sms", address: "+687712345" });
    expect(answers).toEqual({ contactBy: ["phone"], contactPhone: "+687 71 23 45" });
    const step = flow.steps.find((candidate) => candidate.id === "contact");
    if (!step) throw new Error("aide-medicale has no contact step");
    expect(validateStep(flow, step, answers)).toEqual([]);
    expect(validateStep(flow, step, { ...answers, contactPhone: "+687 71 23" })).not.toEqual([]);
  });

  it("NC Connect: its email when it gives one, nothing when it does not", async () => {
    const flow = await flowOf("aide-medicale");
    expect(contactPrefill(flow, { method: "nc-connect", email: "jean@example.nc" })).toEqual({
      contactBy: ["email"],
      contactEmail: "jean@example.nc",
    });
    expect(contactPrefill(flow, { method: "nc-connect", givenName: "Jean" })).toEqual({});
  });

  it("a flow that asks no contact question: nothing", () => {
    expect(contactPrefill(miniFlow(), { method: "code", channel: "email", address: "a@example.nc" })).toEqual(
      {},
    );
  });
});

describe("starting a new draft", () => {
  const serveAccount = (body: unknown, status = 200) =>
    vi.stubGlobal(
      "fetch",
      vi.fn(
        async () =>
          new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } }),
      ),
    );

  it("signed in: the contact answers are there from the first page, and no draft is written yet", async () => {
    setSignedInHint(true);
    serveAccount(account({ method: "code", channel: "email", address: "marie@example.nc" }));
    const session = await startSession("bourse-scolaire", DRAFT, undefined);
    if (!session) throw new Error("no session");
    expect(session.actor.getSnapshot().context.answers).toEqual({
      contactBy: ["email"],
      contactEmail: "marie@example.nc",
    });
    // The person changes it like any answer.
    session.actor.send({ type: "SET_ANSWER", path: ["contactEmail"], value: "autre@example.nc" });
    expect(session.actor.getSnapshot().context.answers.contactEmail).toBe("autre@example.nc");
    await session.discard();
    expect(await listDrafts("bourse-scolaire")).toEqual([]);
  });

  it("signed out, or the server says so: an empty contact question", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const signedOut = await startSession("bourse-scolaire", DRAFT, undefined);
    expect(signedOut?.actor.getSnapshot().context.answers).toEqual({});
    expect(fetch).not.toHaveBeenCalled();
    await signedOut?.discard();

    setSignedInHint(true);
    serveAccount({ error: { code: "not_signed_in", message: "Connectez-vous." } }, 401);
    const expired = await startSession("bourse-scolaire", DRAFT, undefined);
    expect(expired?.actor.getSnapshot().context.answers).toEqual({});
    await expired?.discard();
  });

  it("offline: starts without waiting for the account", async () => {
    setSignedInHint(true);
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    const session = await startSession("aide-medicale", DRAFT, undefined);
    expect(session?.actor.getSnapshot().context.answers).toEqual({});
    await session?.discard();
  });
});
