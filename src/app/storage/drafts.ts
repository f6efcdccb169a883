/**
 * Requests in progress, each under its own id (a UUID made when the person starts, which becomes
 * the request's id when they send it): a procedure can have several drafts on one device.
 * Each save carries a revision one above the one it started from, and each revision can be
 * saved once (see draft-revisions.ts): a second tab that started from an older copy is refused
 * (DraftConflict), so it never overwrites the first one's newer answers: it is told the draft
 * changed elsewhere.
 */
import type { Draft } from "../../shared/engine/draft";
import { database } from "./database";
import { documentIds } from "./document-ids";
import { announceDraftSaved } from "./draft-events";
import { claimRevision, forgetRevisions, isConstraintError } from "./draft-revisions";
import type { StoredFile } from "./files";
import { asStorageError } from "./storage-errors";

export interface DraftRecord extends Draft {
  readonly id: string;
  /** ISO date and time of the last change, for "Enregistré sur cet appareil à 14 h 32". */
  readonly updatedAt: string;
  /** Where the person stopped and how far along, for the catalogue's "Reprendre". */
  readonly step: string;
  readonly progress: { readonly step: number; readonly total: number };
  /** Who owns it once accounts exist; null on a device without an account. */
  readonly owner: string | null;
  /** Increases with every save, so two tabs can tell whose change is newer. */
  readonly revision: number;
}

export class DraftConflict extends Error {
  constructor(readonly stored: number) {
    super(`the draft was saved elsewhere (revision ${stored})`);
    this.name = "DraftConflict";
  }
}

export async function saveDraft(record: DraftRecord): Promise<void> {
  // Storage refused at the door (blocked, some private modes) is explained like any other refusal.
  const tx = await database()
    .then((db) => db.transaction(["drafts", "draft-revisions"], "readwrite"))
    .catch((error: unknown) => {
      throw asStorageError(error);
    });
  // No read before the write: a save started while the page is being hidden or closed must be
  // complete once this task ends, and commit() hands it to the browser there and then. The
  // revision check is the key constraint instead: a second save of the same revision fails its
  // add(), which aborts the whole transaction, put included.
  const claimed = claimRevision(tx.objectStore("draft-revisions"), record.id, record.revision);
  let written: Promise<unknown>;
  try {
    written = tx.objectStore("drafts").put(record);
    tx.commit();
  } catch (error) {
    // A write refused on the spot (a value that cannot be stored): the revision is not taken.
    tx.abort();
    await Promise.allSettled([claimed, tx.done]);
    throw asStorageError(error);
  }
  const settled = await Promise.allSettled([claimed, written, tx.done]);
  if (settled[0].status === "rejected" && isConstraintError(settled[0].reason))
    throw new DraftConflict(record.revision);
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) throw asStorageError((failure as PromiseRejectedResult).reason);
  announceDraftSaved(record.id, record.revision);
}

export async function loadDraft(id: string): Promise<DraftRecord | undefined> {
  const db = await database();
  return db.get("drafts", id);
}

/** Every draft on the device, or only one procedure's, the last changed first. */
export async function listDrafts(flowId?: string): Promise<DraftRecord[]> {
  const db = await database();
  const drafts = flowId ? await db.getAllFromIndex("drafts", "by-flow", flowId) : await db.getAll("drafts");
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The draft and the documents it holds, in one transaction: no orphan photo stays behind. */
export async function deleteDraft(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["drafts", "draft-revisions", "files"], "readwrite", { durability: "strict" });
  const draft = await tx.objectStore("drafts").get(id);
  const files = tx.objectStore("files");
  await Promise.all([
    ...documentIds(draft?.answers).map((file) => files.delete(file)),
    tx.objectStore("drafts").delete(id),
    forgetRevisions(tx.objectStore("draft-revisions"), id),
    tx.done,
  ]);
  announceDraftSaved(id, Number.POSITIVE_INFINITY);
}

/**
 * A draft brought from another device (src/app/handoff), with its documents, in one transaction:
 * either the whole draft is on this device, or nothing of it.
 */
export async function addImportedDraft(record: DraftRecord, files: readonly StoredFile[]): Promise<void> {
  try {
    const db = await database();
    const tx = db.transaction(["drafts", "draft-revisions", "files"], "readwrite", { durability: "strict" });
    await Promise.all([
      ...files.map((file) => tx.objectStore("files").put(file)),
      tx.objectStore("drafts").put(record),
      claimRevision(tx.objectStore("draft-revisions"), record.id, record.revision),
      tx.done,
    ]);
  } catch (error) {
    throw asStorageError(error);
  }
  announceDraftSaved(record.id, record.revision);
}
