/**
 * Keeping a signed-in person's drafts in their account. After each save on the device,
 * `draftSaved(id)` schedules a push: bursts are coalesced (one push per draft at a time, the
 * latest answers), a failed push is retried with the sender's backoff, and a Web Lock per draft
 * keeps two tabs from pushing the same draft at once. A push starts from the server revision this
 * device last had; when another device saved first the server's copy is kept next to the draft
 * (storage/draft-sync.ts) for the person to choose, never written over it. `pullAccountDrafts`
 * brings the account's drafts from other devices into this device's storage, and drops the ones
 * deleted or sent elsewhere; a deletion made here offline is told to the server at the next pull.
 */
import type { AccountDraft } from "../../shared/api/account-drafts";
import { documentIds } from "../storage/document-ids";
import {
  type DraftSyncRecord,
  forgetDraftSync,
  listDraftSync,
  readDraftSync,
  writeDraftSync,
} from "../storage/draft-sync";
import { type DraftRecord, deleteDraft, listDrafts, loadDraft, saveDraft } from "../storage/drafts";
import { readFile } from "../storage/files";
import { AccountApiError } from "./account-api";
import { deleteAccountDraft, fetchAccountDrafts, saveAccountDraft } from "./account-drafts-api";
import { retryDelay } from "./backoff";
import type { UploadedDocuments } from "./draft-documents";

/** Uploading and fetching documents: online only, loaded when a draft has documents to move. */
const documentsCode = () => import("./draft-documents");

/** A pause after the last local save, so typing a word does not send each letter. */
const COALESCE_MS = 1_000;

export type PushOutcome = "saved" | "conflict" | "unchanged" | "retry" | "signed-out";

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const attempts = new Map<string, number>();
const conflictListeners = new Set<(draftId: string) => void>();

/**
 * Called after each save of a draft on this device, when signed in. The draft is the account's
 * from then on, pushed or not yet (offline): it is not offered to attach, and a restart pushes it.
 */
export function draftSaved(draftId: string, delayMs = COALESCE_MS): void {
  void readDraftSync(draftId)
    .then((sync) => {
      if (!sync) return writeDraftSync({ draftId, serverRevision: 0, pushedRevision: 0, documents: [] });
    })
    .catch(() => undefined);
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
 * not offer it any more. Offline, it is marked gone and the server is told at the next pull.
 */
export async function draftGone(draftId: string): Promise<void> {
  clearTimeout(timers.get(draftId));
  timers.delete(draftId);
  const sync = await readDraftSync(draftId);
  if (!sync) return;
  await writeDraftSync({
    draftId,
    serverRevision: sync.serverRevision,
    pushedRevision: sync.pushedRevision,
    documents: sync.documents,
    gone: true,
  });
  await tellGone(draftId);
}

/**
 * After a push already on its way: a PUT landing after the DELETE would be refused (404) and,
 * read as "deleted elsewhere", overwrite the mark that the draft is gone.
 */
function tellGone(draftId: string): Promise<void> {
  return oneAtATime(draftId, async () => {
    try {
      await deleteAccountDraft(draftId);
      await forgetDraftSync(draftId);
    } catch {
      // Offline or signed out: the mark stays, the next pull tries again.
    }
  });
}

/**
 * Back online, or the app starts signed in: drafts deleted here offline leave the account, and
 * the ones changed since their last push (offline, or before the app was closed) are pushed.
 */
export async function pushPending(): Promise<void> {
  for (const sync of await listDraftSync()) {
    if (sync.gone) await tellGone(sync.draftId);
    else if (!sync.conflict) {
      const draft = await loadDraft(sync.draftId);
      if (
        draft &&
        (draft.revision > sync.pushedRevision ||
          sync.documentsToTell ||
          (await documentsToUpload(draft, sync)))
      )
        await pushDraft(sync.draftId);
    }
  }
}

/** The person is told when a draft they have open was changed on another device meanwhile. */
export function onDraftConflict(listener: (draftId: string) => void): () => void {
  conflictListeners.add(listener);
  return () => conflictListeners.delete(listener);
}

/** Pushes the draft's latest revision if the server does not have it yet. */
export function pushDraft(draftId: string): Promise<PushOutcome> {
  return oneAtATime(draftId, () => pushNow(draftId));
}

const inTab = new Map<string, Promise<unknown>>();

/**
 * One exchange about a draft with the server at a time, pushes and the deletion alike: in this
 * tab by a chain, across tabs by a Web Lock (where Web Locks are missing, only in this tab).
 */
function oneAtATime<T>(draftId: string, work: () => Promise<T>): Promise<T> {
  const previous = inTab.get(draftId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => locked(draftId, work));
  inTab.set(draftId, next);
  void next.finally(() => inTab.get(draftId) === next && inTab.delete(draftId)).catch(() => undefined);
  return next;
}

async function locked<T>(draftId: string, work: () => Promise<T>): Promise<T> {
  if (typeof navigator === "undefined" || !navigator.locks) return work();
  return await navigator.locks.request(`pas-a-pas:draft-sync:${draftId}`, work);
}

async function pushNow(draftId: string): Promise<PushOutcome> {
  const [draft, before] = await Promise.all([loadDraft(draftId), readDraftSync(draftId)]);
  if (!draft || before?.conflict || before?.gone) return "unchanged";
  const answersPushed = before !== undefined && before.pushedRevision >= draft.revision;
  if (answersPushed && !before.documentsToTell && !(await documentsToUpload(draft, before)))
    return "unchanged";
  // The documents first, so the account's draft never names a document it cannot give.
  let uploads: UploadedDocuments;
  const withDocuments = documentIds(draft.answers).length > 0;
  // The code that moves documents is never precached: offline, asking for it only fails.
  if (withDocuments && typeof navigator !== "undefined" && !navigator.onLine) return "retry";
  try {
    uploads = withDocuments
      ? await (await documentsCode()).uploadDraftDocuments(draft)
      : { documents: [], unfinished: false };
  } catch {
    return "retry";
  }
  const sync = await readDraftSync(draftId);
  if (sync?.conflict || sync?.gone) return "unchanged";
  const { documents } = uploads;
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
        ...(sync?.uploading ? { uploading: sync.uploading } : {}),
      });
      return uploads.unfinished ? "retry" : "saved";
    case "conflict":
      await writeDraftSync({
        draftId,
        serverRevision: sync?.serverRevision ?? 0,
        pushedRevision: sync?.pushedRevision ?? 0,
        documents,
        ...(sync?.uploading ? { uploading: sync.uploading } : {}),
        conflict: answer.server,
      });
      for (const listener of conflictListeners) listener(draftId);
      return "conflict";
    case "gone":
      // Sent or deleted here meanwhile: the deletion waits for this push, and its mark stays.
      if ((await readDraftSync(draftId))?.gone) return "unchanged";
      // Deleted on the server since: the answers typed here are kept, as a new draft there.
      await writeDraftSync({ draftId, serverRevision: 0, pushedRevision: 0, documents });
      return pushNow(draftId);
  }
}

/** Whether some document of the draft held on this device has no finished upload yet. */
export async function documentsToUpload(
  draft: DraftRecord,
  sync: DraftSyncRecord | undefined,
): Promise<boolean> {
  const known = new Set((sync?.documents ?? []).map((doc) => doc.documentId));
  for (const id of documentIds(draft.answers)) if (!known.has(id) && (await readFile(id))) return true;
  return false;
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

/** What a pull changed on this device, so open pages and lists show it. */
export interface PulledDrafts {
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly conflicts: readonly string[];
}

/**
 * Brings in the account's drafts: a new one is written to this device; one this device has
 * not changed since its last push takes the server's answers; one changed on both sides keeps
 * this device's answers and the server's copy as a conflict to resolve; one the account no
 * longer has (deleted or sent from another device) goes, unless it was changed here since.
 * `beforeChange` runs before a draft of this device is rewritten or deleted (draft-sessions.ts
 * closes its open session there, so the session does not write the old answers back).
 */
export async function pullAccountDrafts(
  beforeChange: (draftId: string) => Promise<void> = async () => undefined,
): Promise<PulledDrafts> {
  const drafts = await fetchAccountDrafts();
  const known = new Map((await listDraftSync()).map((record) => [record.draftId, record]));
  const changed: string[] = [];
  const removed: string[] = [];
  const conflicts: string[] = [];
  for (const server of drafts) {
    const before = known.get(server.id);
    if (before?.gone || (before && before.serverRevision >= server.revision)) continue;
    await beforeChange(server.id);
    // Read again after the session closed: its last answers may just have been written.
    const [local, sync] = await Promise.all([loadDraft(server.id), readDraftSync(server.id)]);
    if (local && sync && local.revision > sync.pushedRevision) {
      await writeDraftSync({ ...sync, conflict: server });
      conflicts.push(server.id);
      for (const listener of conflictListeners) listener(server.id);
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
    changed.push(server.id);
  }
  const onServer = new Set(drafts.map((draft) => draft.id));
  for (const sync of known.values()) {
    // Never saved in the account yet, or waiting for the person's choice: nothing to drop.
    if (onServer.has(sync.draftId) || sync.gone || sync.conflict || sync.serverRevision === 0) continue;
    await beforeChange(sync.draftId);
    const local = await loadDraft(sync.draftId);
    // Changed here since: kept, and its next push makes it a draft of the account again.
    if (local && local.revision > sync.pushedRevision) continue;
    if (local) await deleteDraft(sync.draftId);
    await forgetDraftSync(sync.draftId);
    removed.push(sync.draftId);
  }
  return { changed, removed, conflicts };
}

/** The draft's two versions after a conflict, for the person to choose; undefined when there is none. */
export async function conflictOf(
  draftId: string,
): Promise<{ readonly here: DraftRecord; readonly other: AccountDraft } | undefined> {
  const [here, sync] = await Promise.all([loadDraft(draftId), readDraftSync(draftId)]);
  return here && sync?.conflict ? { here, other: sync.conflict } : undefined;
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
    // Before any write: offline, the choice fails as a whole and can be made again.
    const documents = await documentsCode();
    copyId = crypto.randomUUID();
    await documents.copyDraft(local, copyId);
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
