/**
 * Which revisions of each draft were saved: one key per save, [draft id, revision]. A save adds
 * its revision with add(), which fails when that revision exists, so a tab that started from an
 * older copy (its next revision already taken by the tab that moved on) is refused without
 * reading the draft first. The keys of a draft go when the draft goes.
 */
import type { PasAPasDB } from "./database";

interface RevisionStore {
  add(value: PasAPasDB["draft-revisions"]["value"]): Promise<unknown>;
  delete(range: IDBKeyRange): Promise<void>;
}

export function claimRevision(store: RevisionStore, draftId: string, revision: number): Promise<unknown> {
  return store.add({ draftId, revision });
}

export function forgetRevisions(store: RevisionStore, draftId: string): Promise<void> {
  return store.delete(
    IDBKeyRange.bound([draftId, Number.NEGATIVE_INFINITY], [draftId, Number.POSITIVE_INFINITY]),
  );
}

export function isConstraintError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "ConstraintError";
}
