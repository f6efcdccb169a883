/**
 * A copy of a draft as a draft of its own ("keep both" after a conflict), with its documents'
 * bytes copied under new ids. Loaded with sync/draft-documents.ts, which fetches the documents
 * another device added first: the copy needs the network anyway.
 */
import type { Answers } from "../../shared/engine/answers";
import { isDocumentRef } from "../../shared/engine/validate";
import { database } from "./database";
import { documentIds } from "./document-ids";
import { announceDraftSaved } from "./draft-events";
import { claimRevision } from "./draft-revisions";
import type { DraftRecord } from "./drafts";
import { asStorageError } from "./storage-errors";

/**
 * A copy of a draft as a draft of its own ("keep both" after a conflict), in one transaction:
 * each document this device holds is copied under a new id, so deleting or sending one of the
 * two never takes the other's files. Returns the copy.
 */
export async function addDraftCopy(source: DraftRecord, copyId: string): Promise<DraftRecord> {
  try {
    const db = await database();
    const tx = db.transaction(["drafts", "draft-revisions", "files"], "readwrite", { durability: "strict" });
    const files = tx.objectStore("files");
    const newIds = new Map(documentIds(source.answers).map((id) => [id, crypto.randomUUID()]));
    const copies = await Promise.all(
      [...newIds].map(async ([id, newId]) => {
        const file = await files.get(id);
        return file && { ...file, id: newId };
      }),
    );
    const copy: DraftRecord = {
      ...source,
      id: copyId,
      answers: withDocumentIds(source.answers, newIds),
      revision: 1,
      updatedAt: new Date().toISOString(),
    };
    await Promise.all([
      ...copies.flatMap((file) => (file ? [files.put(file)] : [])),
      tx.objectStore("drafts").put(copy),
      claimRevision(tx.objectStore("draft-revisions"), copyId, copy.revision),
      tx.done,
    ]);
    announceDraftSaved(copyId, copy.revision);
    return copy;
  } catch (error) {
    throw asStorageError(error);
  }
}

function withDocumentIds(answers: Answers, ids: ReadonlyMap<string, string>): Answers {
  const swap = (value: unknown): unknown => {
    if (isDocumentRef(value)) return { ...value, id: ids.get(value.id) ?? value.id };
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  return swap(answers) as Answers;
}
