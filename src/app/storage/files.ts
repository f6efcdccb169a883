/** The bytes of documents (photos, PDFs), apart from the answers, which only hold a reference. */
import type { DocumentRef } from "../../shared/engine/validate";
import { database } from "./database";
import { asStorageError } from "./storage-errors";

export interface StoredFile extends DocumentRef {
  readonly blob: Blob;
  /** A small JPEG of a photo, made when it was shrunk; PDFs have none. */
  readonly thumbnail?: Blob | undefined;
  readonly storedAt: string;
}

/**
 * Keeps a file in its own transaction, so a refusal (full phone…) costs nothing already stored.
 * Rejects with a StorageError that says why.
 */
export async function storeFile(
  blob: Blob,
  name: string,
  type: string,
  thumbnail?: Blob,
): Promise<DocumentRef> {
  const ref: DocumentRef = { id: crypto.randomUUID(), name, type, size: blob.size };
  try {
    const db = await database();
    await db.put("files", { ...ref, blob, thumbnail, storedAt: new Date().toISOString() });
  } catch (error) {
    throw asStorageError(error);
  }
  return ref;
}

export async function readFile(id: string): Promise<StoredFile | undefined> {
  const db = await database();
  return db.get("files", id);
}

/** Only the thumbnail: browsers read a stored Blob's bytes when asked, so the photo stays on disk. */
export async function readThumbnail(id: string): Promise<Blob | undefined> {
  return (await readFile(id))?.thumbnail;
}

export async function deleteFile(id: string): Promise<void> {
  const db = await database();
  await db.delete("files", id);
}

/**
 * A document of a draft brought from the account (another device added it), under the id the
 * draft's answers give it, so the draft finds it as if it had been added here.
 */
export async function keepFetchedFile(ref: DocumentRef, blob: Blob, thumbnail?: Blob): Promise<void> {
  try {
    const db = await database();
    await db.put("files", { ...ref, blob, thumbnail, storedAt: new Date().toISOString() });
  } catch (error) {
    throw asStorageError(error);
  }
}
