/** The bytes of documents (photos, PDFs), apart from the answers, which only hold a reference. */
import type { DocumentRef } from "../../shared/engine/validate";
import { database } from "./database";

export interface StoredFile extends DocumentRef {
  readonly blob: Blob;
  readonly storedAt: string;
}

export async function storeFile(blob: Blob, name: string, type: string): Promise<DocumentRef> {
  const db = await database();
  const ref: DocumentRef = { id: crypto.randomUUID(), name, type, size: blob.size };
  await db.put("files", { ...ref, blob, storedAt: new Date().toISOString() });
  return ref;
}

export async function readFile(id: string): Promise<StoredFile | undefined> {
  const db = await database();
  return db.get("files", id);
}

export async function deleteFile(id: string): Promise<void> {
  const db = await database();
  await db.delete("files", id);
}
