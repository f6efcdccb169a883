/**
 * The cleanup of documents nobody will use: unfinished uploads past their expiry (the tus
 * expiration extension already answers 410 for them), and finished ones that no request names
 * after UNCLAIMED_UPLOAD_DAYS from their creation (a person who gave up, or a client filling the
 * disk). Those a request names are part of it and stay; so do those an account's draft names,
 * waiting for the person to send it from whichever device. Several processes may run it at once.
 */
import type { UploadClientsRepository } from "../db/upload-clients-repository";
import type { AccountDraftsService } from "../drafts/account-drafts-service";
import type { DocumentStore } from "./document-store";
import { isComplete } from "./document-store";

export interface UploadRetention {
  /** An unfinished upload is removed this long after its creation. */
  readonly expirationMs: number;
  /** A finished upload no request names is removed this long after its creation. */
  readonly unclaimedMs: number;
}

export async function removeExpiredUploads(
  deps: {
    readonly documents: DocumentStore;
    readonly uploadClients: UploadClientsRepository;
    readonly drafts: Pick<AccountDraftsService, "namedByDrafts">;
  },
  retention: UploadRetention,
  now = Date.now(),
): Promise<number> {
  const finishedPastRetention: string[] = [];
  let removed = 0;
  const remove = async (id: string) => {
    await deps.documents.remove(id);
    await deps.uploadClients.forget(id);
    removed++;
  };
  for (const id of await deps.documents.list()) {
    const upload = await deps.documents.inspect(id);
    if (!upload?.createdAt) continue;
    const age = now - Date.parse(upload.createdAt);
    if (!isComplete(upload)) {
      if (age > retention.expirationMs) await remove(id);
    } else if (age > retention.unclaimedMs) finishedPastRetention.push(id);
  }
  const named = await deps.uploadClients.namedByRequests(finishedPastRetention);
  const inDrafts = await deps.drafts.namedByDrafts(finishedPastRetention);
  for (const id of finishedPastRetention) if (!named.has(id) && !inDrafts.has(id)) await remove(id);
  return removed;
}
