// @vitest-environment happy-dom
/**
 * The one owner of open sessions. A procedure opened in a tab stays open there; deleting its
 * draft, erasing everything or sending it must stop that session first, or the next answer
 * typed in it writes the deleted draft back (as it once did).
 */
import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { listDrafts, loadDraft } from "../../../../src/app/storage/drafts";
import { markProblem, provisionalReference, recordRequest } from "../../../../src/app/storage/requests";
import {
  eraseEverything,
  openDraft,
  removeDraft,
  reopen,
  sent,
  startDraft,
} from "../../../../src/app/wizard/draft-sessions";
import type { WizardSession } from "../../../../src/app/wizard/session";

const FLOW = "aide-medicale";
const opened: WizardSession[] = [];

afterEach(async () => {
  for (const session of opened.splice(0)) await removeDraft(session.draftId);
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

async function start(): Promise<WizardSession> {
  const session = await startDraft(FLOW);
  if (!session) throw new Error(`${FLOW} is missing`);
  opened.push(session);
  return session;
}

function answer(session: WizardSession, value: boolean): void {
  session.actor.send({ type: "SET_ANSWER", path: ["residentSixMonths"], value });
}

/** Longer than the pause before a save. */
const afterTheSavePause = () => new Promise((resolve) => setTimeout(resolve, 500));

describe("the open sessions of a tab", () => {
  it("starts a draft with an id of its own, and writes nothing until the first answer", async () => {
    const session = await start();
    expect(session.draftId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await listDrafts()).toEqual([]);
    answer(session, true);
    await session.flush();
    expect((await loadDraft(session.draftId))?.answers).toEqual({ residentSixMonths: true });
  });

  it("keeps several drafts of one procedure apart", async () => {
    const first = await start();
    const second = await start();
    answer(first, true);
    answer(second, false);
    await Promise.all([first.flush(), second.flush()]);
    const drafts = await listDrafts(FLOW);
    expect(drafts.map((d) => [d.id, d.answers.residentSixMonths]).sort()).toEqual(
      [
        [first.draftId, true],
        [second.draftId, false],
      ].sort(),
    );
  });

  it("gives every page asking for a draft the same session, even when they ask at once", async () => {
    const session = await start();
    answer(session, true);
    await session.flush();
    const [a, b] = await Promise.all([openDraft(FLOW, session.draftId), openDraft(FLOW, session.draftId)]);
    expect(a).toBe(session);
    expect(b).toBe(session);
  });

  it("finds no draft that is not on the device, nor one under another procedure's address", async () => {
    const session = await start();
    answer(session, true);
    await session.flush();
    expect(await openDraft(FLOW, crypto.randomUUID())).toBeUndefined();
    expect(await openDraft("bourse-scolaire", session.draftId)).toBeUndefined();
  });
});

describe("a draft that goes away while its session is open", () => {
  it("stays deleted when the person answers again in the page still showing it", async () => {
    const session = await start();
    answer(session, true);
    await session.flush();
    await removeDraft(session.draftId);
    answer(session, false);
    window.dispatchEvent(new Event("pagehide"));
    await afterTheSavePause();
    expect(await loadDraft(session.draftId)).toBeUndefined();
    expect(await openDraft(FLOW, session.draftId)).toBeUndefined();
  });

  it("stays deleted when the deletion comes while a save is on its way", async () => {
    const session = await start();
    answer(session, true);
    const saving = session.flush();
    answer(session, false);
    await removeDraft(session.draftId);
    await saving;
    await afterTheSavePause();
    expect(await loadDraft(session.draftId)).toBeUndefined();
  });

  it("stays erased, every one of them, after 'erase everything' on the help page", async () => {
    const first = await start();
    const second = await start();
    answer(first, true);
    answer(second, true);
    await Promise.all([first.flush(), second.flush()]);
    await eraseEverything();
    answer(first, false);
    answer(second, false);
    window.dispatchEvent(new Event("pagehide"));
    await afterTheSavePause();
    expect(await listDrafts()).toEqual([]);
  });

  it("does not come back next to its request once sent", async () => {
    const session = await start();
    answer(session, true);
    await session.flush();
    await recordRequest(
      {
        id: session.draftId,
        flowId: FLOW,
        flowVersion: session.flow.version,
        answers: { residentSixMonths: true },
        createdAt: new Date().toISOString(),
        provisionalReference: provisionalReference(session.draftId),
        status: "ready",
      },
      session.draftId,
    );
    await sent(session.draftId);
    answer(session, false);
    window.dispatchEvent(new Event("pagehide"));
    await afterTheSavePause();
    expect(await listDrafts()).toEqual([]);
  });

  it("comes back, when refused, as a new draft that opens with its answers", async () => {
    const session = await start();
    answer(session, true);
    await session.flush();
    const requestId = session.draftId;
    await recordRequest(
      {
        id: requestId,
        flowId: FLOW,
        flowVersion: session.flow.version,
        answers: { residentSixMonths: true },
        createdAt: new Date().toISOString(),
        provisionalReference: provisionalReference(requestId),
        status: "ready",
      },
      requestId,
    );
    await markProblem(requestId, { code: "invalid_answers" });
    const reopened = await reopen(requestId);
    if (!reopened) throw new Error("the refused request was not reopened");
    // The sent draft's session is closed: answering in it writes nothing.
    answer(session, false);
    await afterTheSavePause();
    expect(await loadDraft(requestId)).toBeUndefined();
    const again = await openDraft(FLOW, reopened.draftId);
    if (!again) throw new Error("the reopened draft does not open");
    opened.push(again);
    expect(again.actor.getSnapshot().context.answers).toEqual({ residentSixMonths: true });
  });
});
