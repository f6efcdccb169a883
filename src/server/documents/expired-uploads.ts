/**
 * Unfinished uploads past their expiry (the tus expiration extension already answers 410 for
 * them) are deleted: parts of people's documents must not pile up. Finished ones are kept: a
 * request may still name them, and those a request names are part of it.
 */
import type { DocumentStore } from "./document-store";
import { isComplete } from "./document-store";

export async function removeExpiredUploads(
  documents: DocumentStore,
  expirationMs: number,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const id of await documents.list()) {
    const upload = await documents.inspect(id);
    if (!upload || isComplete(upload) || !upload.createdAt) continue;
    if (Date.parse(upload.createdAt) + expirationMs >= now) continue;
    await documents.remove(id);
    removed++;
  }
  return removed;
}
