/**
 * The one owner of the app's open sessions. A session (the actor of one draft, saving as the
 * person types) stays open while the tab lives, so "Retour" and the browser's buttons find it as
 * it was. Anything that makes a draft go away — deleting it from a list, erasing everything on
 * the help page, sending it — goes through here and closes its session first: otherwise the next
 * answer typed in that session would write the deleted draft back. The account's drafts come in
 * through here too (`followAccountDrafts`): a draft changed on another device closes its session
 * here before its new answers are written, and open pages are told to reopen it.
 */
import { wipeAll } from "../storage/database";
import { forgetAllDraftSync, listDraftSync } from "../storage/draft-sync";
import { deleteDraft, loadDraft } from "../storage/drafts";
import { reopenRequest } from "../storage/requests";
import { draftGone, pullAccountDrafts, pushPending, resolveConflict } from "../sync/draft-sync";
import { isSignedInHint, onSignedInHintChange } from "../sync/signed-in-hint";
import type { WizardSession } from "./session";

/** Fetched when a draft is opened: deleting from the catalogue needs no XState. */
const sessionCode = () => import("./session");
const startSession: typeof import("./session").startSession = (...args) =>
  sessionCode().then((m) => m.startSession(...args));

const sessions = new Map<string, Promise<WizardSession | undefined>>();
const changeListeners = new Set<(draftIds: readonly string[]) => void>();

/** Pages showing drafts (a list, an open draft) hear which drafts changed under them. */
export function onDraftsChanged(listener: (draftIds: readonly string[]) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function changed(draftIds: readonly string[]): void {
  if (draftIds.length === 0) return;
  for (const listener of changeListeners) listener(draftIds);
}

/**
 * The open session of a draft on this device, restored from its record the first time. Undefined
 * when there is no such draft (sent, deleted, an address from another device) or no such
 * procedure. A session that learnt another tab moved on is reopened from the device, with that
 * tab's answers.
 */
export function openDraft(flowId: string, draftId: string): Promise<WizardSession | undefined> {
  let opening = sessions.get(draftId);
  if (!opening) {
    // The draft, the session's code and the flow all at once: on a phone offline, one after the
    // other would delay the first question.
    const restoring = Promise.all([
      loadDraft(draftId).catch(() => undefined),
      sessionCode(),
      import("./flows").then((m) => m.loadFlow(flowId)),
    ]).then(([draft, code]) =>
      draft?.flowId === flowId ? code.startSession(flowId, draftId, draft) : undefined,
    );
    opening = restoring;
    sessions.set(draftId, restoring);
    void restoring.then((session) => {
      if (!session && sessions.get(draftId) === restoring) sessions.delete(draftId);
    });
  }
  const asked = opening;
  return asked.then(async (session) => {
    if (session?.saves.state === "elsewhere" && sessions.get(draftId) === asked) {
      await forget(draftId, (stale) => stale.discard());
      return openDraft(flowId, draftId);
    }
    return session?.flow.id === flowId ? session : undefined;
  });
}

/**
 * "Commencer": a new draft with a new id. Nothing is written until the first answer, so a person
 * who only looks leaves no empty draft behind.
 */
export async function startDraft(flowId: string): Promise<WizardSession | undefined> {
  const draftId = crypto.randomUUID();
  const opening = startSession(flowId, draftId, undefined);
  sessions.set(draftId, opening);
  const session = await opening;
  if (!session) sessions.delete(draftId);
  return session;
}

/** "Supprimer": the session stops writing, then the draft and its documents go. */
export async function removeDraft(draftId: string): Promise<void> {
  await forget(draftId, (session) => session.discard());
  await deleteDraft(draftId);
  void draftGone(draftId);
}

/** "Tout effacer" on the help page: every session stops writing, then everything goes. */
export async function eraseEverything(): Promise<void> {
  await Promise.all([...sessions.keys()].map((id) => forget(id, (session) => session.discard())));
  await wipeAll();
}

/**
 * "Corriger ma demande": a refused request becomes a draft again, under a new id. The session of
 * the request's own draft (the one that was sent) is closed first.
 */
export async function reopen(requestId: string): Promise<{ flowId: string; draftId: string } | undefined> {
  await forget(requestId, (session) => session.discard());
  return reopenRequest(requestId);
}

/**
 * The request is recorded on the device and its draft gone: its session is done, and writes
 * nothing more (a write now would bring the draft back next to the request).
 */
export async function sent(draftId: string): Promise<void> {
  await forget(draftId, (session) => session.discard());
  void draftGone(draftId);
}

async function forget(draftId: string, end: (session: WizardSession) => Promise<void>): Promise<void> {
  const session = sessions.get(draftId);
  sessions.delete(draftId);
  const open = await session?.catch(() => undefined);
  if (open) await end(open);
}

let pulling: Promise<void> | undefined;
let pullAgain = false;

/**
 * Signed in: pushes what waits, then brings the account's drafts in, now, when the network
 * returns, when the person signs in and when the tab is shown again. One pull at a time; one
 * asked meanwhile runs after it.
 */
export function followAccountDrafts(): void {
  const pull = () => {
    if (!isSignedInHint() || !navigator.onLine) return;
    if (pulling) {
      pullAgain = true;
      return;
    }
    pulling = pullDrafts()
      .catch(() => undefined)
      .finally(() => {
        pulling = undefined;
        if (pullAgain) {
          pullAgain = false;
          pull();
        }
      });
  };
  pull();
  window.addEventListener("online", pull);
  onSignedInHintChange(pull);
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && pull());
}

/**
 * An address names a draft this device does not have: signed in, it may be in the account and
 * not pulled yet (a hand-off's link, just signed in). Settles once the account's drafts are here.
 */
export async function pullAccountDraftsNow(): Promise<void> {
  if (!isSignedInHint() || !navigator.onLine) return;
  await pulling;
  await pullDrafts().catch(() => undefined);
}

async function pullDrafts(): Promise<void> {
  await pushPending();
  const pulled = await pullAccountDrafts((draftId) =>
    forget(draftId, async (session) => {
      await session.flush();
      await session.discard();
    }),
  );
  changed([...pulled.changed, ...pulled.removed, ...pulled.conflicts]);
}

/**
 * After a conflict, the person's choice (see draft-sync.ts `resolveConflict`). Resolves to the
 * draft to open: the same one, or with "both", the new draft holding this device's answers.
 */
export async function chooseVersion(
  draftId: string,
  choice: "this-device" | "other-device" | "both",
): Promise<string | undefined> {
  await forget(draftId, (session) => session.discard());
  const opened = await resolveConflict(draftId, choice);
  changed(opened && opened !== draftId ? [draftId, opened] : [draftId]);
  return opened;
}

/**
 * Signed out on this device (here, or everywhere from another one): the account's drafts leave
 * it, sessions closed first, so a shared computer keeps none of them.
 */
export async function dropAccountDrafts(): Promise<void> {
  const ids = (await listDraftSync()).map((record) => record.draftId);
  for (const id of ids) {
    await forget(id, (session) => session.discard());
    await deleteDraft(id);
  }
  await forgetAllDraftSync();
  changed(ids);
}
