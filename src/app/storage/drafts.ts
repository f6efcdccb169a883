/**
 * Requests in progress. One draft per procedure on this device, keyed by the flow id for now.
 * Each save carries a revision one above the one it started from; a save that finds a newer
 * revision stored is refused (DraftConflict), so a second tab on the same draft never
 * overwrites the first one's newer answers: it is told the draft changed elsewhere.
 */
import type { Draft } from "../../shared/engine/draft";
import { database } from "./database";
import { documentIds } from "./document-ids";
import { announceDraftSaved } from "./draft-events";

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
  const db = await database();
  const tx = db.transaction("drafts", "readwrite");
  // Both requests are issued at once, in the caller's task: a save started while the page is
  // being hidden or closed must not wait for a round trip first. Requests run in order, so the
  // revision check runs before the put completes, and aborting rolls the put back.
  let conflict: number | undefined;
  const checked = tx.store.get(record.id).then((stored) => {
    if (stored && stored.revision >= record.revision) {
      conflict = stored.revision;
      tx.abort();
    }
  });
  const written = tx.store.put(record);
  const settled = await Promise.allSettled([checked, written, tx.done]);
  if (conflict !== undefined) throw new DraftConflict(conflict);
  const failure = settled.find((result) => result.status === "rejected");
  if (failure) throw (failure as PromiseRejectedResult).reason;
  announceDraftSaved(record.id, record.revision);
}

export async function loadDraft(id: string): Promise<DraftRecord | undefined> {
  const db = await database();
  return db.get("drafts", id);
}

export async function listDrafts(): Promise<DraftRecord[]> {
  const db = await database();
  const drafts = await db.getAll("drafts");
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** The draft and the documents it holds, in one transaction: no orphan photo stays behind. */
export async function deleteDraft(id: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["drafts", "files"], "readwrite", { durability: "strict" });
  const draft = await tx.objectStore("drafts").get(id);
  const files = tx.objectStore("files");
  await Promise.all([
    ...documentIds(draft?.answers).map((file) => files.delete(file)),
    tx.objectStore("drafts").delete(id),
    tx.done,
  ]);
  announceDraftSaved(id, Number.POSITIVE_INFINITY);
}
