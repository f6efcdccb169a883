/**
 * Keeping a signed-in person's drafts in their account. After each save on the device,
 * `draftSaved(id)` schedules a push: bursts are coalesced (one push per draft at a time, the
 * latest answers), a failed push is retried with the sender's backoff, and a Web Lock per draft
 * keeps two tabs from pushing the same draft at once. A push starts from the server revision this
 * device last had; when another device saved first the server's copy is kept next to the draft
 * (storage/draft-sync.ts) for the person to choose, never written over it. `pullAccountDrafts`
 * brings the account's drafts from other devices into this device's storage.
 */
import type { AccountDraft } from "../../shared/api/account-drafts";
import { forgetDraftSync, listDraftSync, readDraftSync, writeDraftSync } from "../storage/draft-sync";
import { type DraftRecord, listDrafts, loadDraft, saveDraft } from "../storage/drafts";
import { AccountApiError } from "./account-api";
import { deleteAccountDraft, fetchAccountDrafts, saveAccountDraft } from "./account-drafts-api";
import { retryDelay } from "./backoff";

/** A pause after the last local save, so typing a word does not send each letter. */
const COALESCE_MS = 1_000;

export type PushOutcome = "saved" | "conflict" | "unchanged" | "retry" | "signed-out";

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const attempts = new Map<string, number>();
const conflictListeners = new Set<(draftId: string) => void>();

/** Called after each save of a draft on this device, when signed in. */
export function draftSaved(draftId: string, delayMs = COALESCE_MS): void {
  clearTimeout(timers.get(draftId));
  timers.set(
    draftId,
    setTimeout(() => {
      timers.delete(draftId);
      void pushDraft(draftId).then((outcome) => {
        if (outcome !== "retry") return attempts.delete(draftId);
        const attempt = attempts.get(draftId) ?? 0;
        attempts.set(draftId, attempt + 1);
        draftSaved(draftId, retryDelay(attempt));
      });
    }, delayMs),
  );
}

/**
 * The draft was deleted or sent on this device: it leaves the account too, so other devices do
 * not offer it any more. Best effort: offline, the account keeps it until deleted there.
 */
export async function draftGone(draftId: string): Promise<void> {
  clearTimeout(timers.get(draftId));
  timers.delete(draftId);
  if (!(await readDraftSync(draftId))) return;
  await forgetDraftSync(draftId);
  await deleteAccountDraft(draftId).catch(() => undefined);
}

/** The person is told when a draft they have open was changed on another device meanwhile. */
export function onDraftConflict(listener: (draftId: string) => void): () => void {
  conflictListeners.add(listener);
  return () => conflictListeners.delete(listener);
}

/** Pushes the draft's latest revision if the server does not have it yet. */
export function pushDraft(draftId: string): Promise<PushOutcome> {
  // One push of a draft at a time in this tab too (and where Web Locks are missing, only here).
  const previous = inTab.get(draftId) ?? Promise.resolve("unchanged");
  const next = previous.catch(() => undefined).then(() => lockedPush(draftId));
  inTab.set(draftId, next);
  void next.finally(() => inTab.get(draftId) === next && inTab.delete(draftId)).catch(() => undefined);
  return next;
}

const inTab = new Map<string, Promise<PushOutcome>>();

async function lockedPush(draftId: string): Promise<PushOutcome> {
  const work = () => pushNow(draftId);
  if (typeof navigator === "undefined" || !navigator.locks) return work();
  return await navigator.locks.request(`pas-a-pas:draft-sync:${draftId}`, work);
}

async function pushNow(draftId: string): Promise<PushOutcome> {
  const [draft, sync] = await Promise.all([loadDraft(draftId), readDraftSync(draftId)]);
  if (!draft || (sync && sync.pushedRevision >= draft.revision) || sync?.conflict) return "unchanged";
  const documents = sync?.documents ?? [];
  let answer: Awaited<ReturnType<typeof saveAccountDraft>>;
  try {
    answer = await saveAccountDraft(draftId, {
      flowId: draft.flowId,
      flowVersion: draft.flowVersion,
      answers: draft.answers,
      step: draft.step,
      baseRevision: sync?.serverRevision ?? 0,
      documents: [...documents],
    });
  } catch (error) {
    if (error instanceof AccountApiError && error.code === "not_signed_in") return "signed-out";
    return "retry";
  }
  switch (answer.kind) {
    case "saved":
      await writeDraftSync({
        draftId,
        serverRevision: answer.draft.revision,
        pushedRevision: draft.revision,
        documents,
      });
      return "saved";
    case "conflict":
      await writeDraftSync({
        draftId,
        serverRevision: sync?.serverRevision ?? 0,
        pushedRevision: sync?.pushedRevision ?? 0,
        documents,
        conflict: answer.server,
      });
      for (const listener of conflictListeners) listener(draftId);
      return "conflict";
    case "gone":
      // Deleted on the server since: the answers typed here are kept, as a new draft there.
      await writeDraftSync({ draftId, serverRevision: 0, pushedRevision: 0, documents });
      return pushNow(draftId);
  }
}

/** This device's drafts the account does not have yet (made signed out): the ones to offer to attach. */
export async function accountFreeDrafts(): Promise<DraftRecord[]> {
  const known = new Set((await listDraftSync()).map((record) => record.draftId));
  return (await listDrafts()).filter((draft) => !known.has(draft.id));
}

/** The person said yes to keeping them in the account: each is pushed as a new draft there. */
export async function attachDrafts(draftIds: readonly string[]): Promise<PushOutcome[]> {
  const outcomes: PushOutcome[] = [];
  for (const id of draftIds) outcomes.push(await pushDraft(id));
  return outcomes;
}

/**
 * Brings in the account's drafts: a new one is written to this device; one this device has
 * not changed since its last push takes the server's answers; one changed on both sides keeps
 * this device's answers and the server's copy as a conflict to resolve.
 */
export async function pullAccountDrafts(): Promise<{
  readonly received: number;
  readonly conflicts: number;
}> {
  const drafts = await fetchAccountDrafts();
  const known = new Map((await listDraftSync()).map((record) => [record.draftId, record]));
  let received = 0;
  let conflicts = 0;
  for (const server of drafts) {
    const sync = known.get(server.id);
    if (sync && sync.serverRevision >= server.revision) continue;
    const local = await loadDraft(server.id);
    if (local && sync && local.revision > sync.pushedRevision) {
      await writeDraftSync({ ...sync, conflict: server });
      conflicts++;
      continue;
    }
    const revision = (local?.revision ?? 0) + 1;
    await saveDraft(fromServer(server, revision, local));
    await writeDraftSync({
      draftId: server.id,
      serverRevision: server.revision,
      pushedRevision: revision,
      documents: server.documents,
    });
    received++;
  }
  return { received, conflicts };
}

function fromServer(server: AccountDraft, revision: number, local: DraftRecord | undefined): DraftRecord {
  return {
    id: server.id,
    flowId: server.flowId,
    flowVersion: server.flowVersion,
    answers: server.answers,
    // The machine's snapshot stays on the device it was made on: the wizard restores from answers.
    step: server.step ?? local?.step ?? "",
    progress: local?.progress ?? { step: 0, total: 0 },
    updatedAt: server.updatedAt,
    owner: local?.owner ?? null,
    revision,
  };
}

/**
 * The person chose after a conflict. "this-device": this device's answers go to the server over
 * the other copy; "other-device": the other copy replaces this one here; "both": this device's
 * answers become a new draft of their own, the draft takes the other copy.
 */
export async function resolveConflict(
  draftId: string,
  choice: "this-device" | "other-device" | "both",
): Promise<string | undefined> {
  const [local, sync] = await Promise.all([loadDraft(draftId), readDraftSync(draftId)]);
  const server = sync?.conflict;
  if (!local || !sync || !server) return undefined;
  if (choice === "this-device") {
    await writeDraftSync({
      draftId,
      serverRevision: server.revision,
      pushedRevision: 0,
      documents: server.documents,
    });
    await pushDraft(draftId);
    return draftId;
  }
  let copyId: string | undefined;
  if (choice === "both") {
    copyId = crypto.randomUUID();
    await saveDraft({ ...local, id: copyId, revision: 1, updatedAt: new Date().toISOString() });
    draftSaved(copyId, 0);
  }
  const revision = local.revision + 1;
  await saveDraft(fromServer(server, revision, local));
  await writeDraftSync({
    draftId,
    serverRevision: server.revision,
    pushedRevision: revision,
    documents: server.documents,
  });
  return copyId ?? draftId;
}
