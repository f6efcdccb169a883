/**
 * What one client may make the server store: so many uploads and bytes per hour, so many bytes
 * held at once in documents no request has taken yet, and nothing new when the disk is nearly
 * full, so that requests whose documents are already up can still be recorded.
 *
 * Bytes are counted as each upload announces them at creation: an upload can never receive more,
 * so this bounds the bytes received without counting every PATCH. The checks come before the
 * creation is recorded: a burst of simultaneous creations can overrun a limit by its own size,
 * not more.
 */
import type { UploadClientsRepository } from "../db/upload-clients-repository";
import type { DocumentStore } from "./document-store";

export interface UploadLimits {
  readonly uploadsPerHour: number;
  readonly uploadBytesPerHour: number;
  /** Bytes held in unfinished uploads and finished ones no request names. */
  readonly quotaBytes: number;
  /** A finished upload no request names is removed after this many days. */
  readonly unclaimedDays: number;
  /** Below this much free space in the documents directory, new uploads are refused. */
  readonly minFreeDiskBytes: number;
}

const MB = 1000 * 1000;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  // A large family's request has a few dozen documents; a person retrying all day stays far below.
  uploadsPerHour: 200,
  uploadBytesPerHour: 500 * MB,
  quotaBytes: 200 * MB,
  unclaimedDays: 7,
  minFreeDiskBytes: 1024 * 1024 * 1024,
};

const HOUR_MS = 3600 * 1000;

export type UploadRefusal =
  | { readonly kind: "storage_full" }
  | { readonly kind: "too_many_uploads"; readonly retryAfterSeconds: number }
  | { readonly kind: "upload_quota_reached" };

export async function refusalOfCreation(
  deps: { readonly documents: DocumentStore; readonly uploadClients: UploadClientsRepository },
  limits: UploadLimits,
  request: { readonly clientKey: string; readonly size: number },
  now = new Date(),
): Promise<UploadRefusal | undefined> {
  if ((await deps.documents.freeBytes()) - request.size < limits.minFreeDiskBytes)
    return { kind: "storage_full" };
  const usage = await deps.uploadClients.usageSince(request.clientKey, new Date(now.getTime() - HOUR_MS));
  if (usage.created + 1 > limits.uploadsPerHour || usage.bytes + request.size > limits.uploadBytesPerHour) {
    // The window frees up when its oldest upload leaves it.
    const freedAt = usage.oldest ? Date.parse(usage.oldest) + HOUR_MS : now.getTime() + HOUR_MS;
    return {
      kind: "too_many_uploads",
      retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)),
    };
  }
  if ((await deps.uploadClients.heldBytes(request.clientKey)) + request.size > limits.quotaBytes)
    return { kind: "upload_quota_reached" };
  return undefined;
}
