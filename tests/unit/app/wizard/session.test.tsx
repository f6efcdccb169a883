// @vitest-environment happy-dom
/**
 * Saving a procedure as the person types: one write per burst, the last keys kept when the page
 * closes at once, a second tab told rather than overwriting, and a failed save retried.
 */
import "fake-indexeddb/auto";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createActor } from "xstate";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { loadDraft } from "../../../../src/app/storage/drafts";
import { loadFlow } from "../../../../src/app/wizard/flows";
import { SaveStatus } from "../../../../src/app/wizard/parts/save-status";
import { WizardSession } from "../../../../src/app/wizard/session";
import { restoreDraft } from "../../../../src/shared/engine/draft";
import { loadFrenchTexts } from "../fields/french-texts";

const sessions: WizardSession[] = [];
/** The draft both tabs have open. */
const DRAFT = "3b1f6a2e-8c4d-4e5f-9a0b-1c2d3e4f5a6b";

beforeAll(loadFrenchTexts);
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  for (const session of sessions.splice(0)) await session.discard();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** A tab with the procedure open: from the draft on the device when there is one. */
async function openTab(): Promise<WizardSession> {
  const loaded = await loadFlow("aide-medicale");
  if (!loaded) throw new Error("aide-medicale is missing");
  const { flow, machine } = loaded;
  const draft = await loadDraft(DRAFT);
  const actor = draft
    ? createActor(machine, { snapshot: restoreDraft(flow, machine, draft).snapshot, input: undefined })
    : createActor(machine, { input: undefined });
  const session = new WizardSession(flow, DRAFT, actor.start(), undefined, draft?.revision ?? 0);
  sessions.push(session);
  return session;
}

function type(session: WizardSession, ...values: boolean[]): void {
  for (const value of values) session.actor.send({ type: "SET_ANSWER", path: ["residentSixMonths"], value });
}

/** Two tabs on one draft; the first saves again after the second opened it. */
async function secondTabBehind(): Promise<WizardSession> {
  const first = await openTab();
  type(first, true);
  await first.flush();
  const second = await openTab();
  type(first, false);
  await first.flush();
  return second;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("saving a procedure on the device", () => {
  it("writes a burst of changes once, after a short pause", async () => {
    const tab = await openTab();
    type(tab, true, false, true);
    expect(await loadDraft(DRAFT)).toBeUndefined();
    await pause(500);
    const draft = await loadDraft(DRAFT);
    expect(draft?.answers).toEqual({ residentSixMonths: true });
    expect(draft?.revision).toBe(1);
    expect(tab.saves.state).toBe("saved");
  });

  it("starts writing the last change when the page is hidden, even while a save is still running", async () => {
    const tab = await openTab();
    type(tab, true);
    const running = tab.flush();
    type(tab, false);
    window.dispatchEvent(new Event("pagehide"));
    // Read at once: a write started in the pagehide task is ahead of this read; one that waited
    // for the running save (or the pause) would come after it, as it would after a closed page.
    expect((await loadDraft(DRAFT))?.answers).toEqual({ residentSixMonths: false });
    await running;
  });

  it("tells the second tab the draft changed elsewhere instead of overwriting the first tab's answers", async () => {
    const second = await secondTabBehind();
    type(second, true);
    await second.flush();
    expect(second.saves.state).toBe("elsewhere");
    expect((await loadDraft(DRAFT))?.answers).toEqual({ residentSixMonths: false });
  });

  it("never lets a tab with an older copy overwrite the newer one, even with two saves on their way", async () => {
    const second = await secondTabBehind();
    type(second, true);
    const saving = second.flush();
    // A new page right after typing: a second save asked before the first one is back.
    second.actor.send({ type: "SET_ANSWER", path: ["residentSixMonths"], value: false });
    second.actor.send({ type: "SET_ANSWER", path: ["residentSixMonths"], value: true });
    await Promise.all([saving, second.flush()]);
    expect(second.saves.state).toBe("elsewhere");
    const stored = await loadDraft(DRAFT);
    expect([stored?.revision, stored?.answers]).toEqual([2, { residentSixMonths: false }]);
  });

  it("says a save failed, keeps the answers on the page, and saves them on retry", async () => {
    const tab = await openTab();
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    type(tab, true);
    await tab.flush();
    expect(tab.saves.state).toBe("failed");
    render(<SaveStatus session={tab} />);
    expect(screen.getByRole("alert").textContent).toContain("il n'y a plus assez de place sur ce téléphone");
    expect(await loadDraft(DRAFT)).toBeUndefined();
    put.mockRestore();
    // Typing after a failure still waits for a pause: no write per key on a full phone.
    type(tab, false, true);
    expect(await loadDraft(DRAFT)).toBeUndefined();
    fireEvent.click(screen.getByRole("button", { name: "Réessayer l'enregistrement" }));
    await tab.flush();
    expect(tab.saves.state).toBe("saved");
    expect(screen.getByRole("status").textContent).toMatch(/^Enregistré sur cet appareil/);
    expect((await loadDraft(DRAFT))?.answers).toEqual({ residentSixMonths: true });
  });
});
