/**
 * Where each draft stands with the account: the server's revision this device last saved or
 * read (a save to the server starts from it), the documents already uploaded (so a file goes up
 * once, and the request sent later names the same uploads), and after a conflict the server's
 * copy, kept until the person chooses. A draft with no record here was never in the account.
 */
import type { AccountDraft, DraftDocument } from "../../shared/api/account-drafts";
import { database } from "./database";

export interface DraftSyncRecord {
  readonly draftId: string;
  readonly serverRevision: number;
  /** The device's revision of the draft that the server has; below the draft's own: to push. */
  readonly pushedRevision: number;
  /** Per document id in the answers: where its bytes are on the server. */
  readonly documents: readonly DraftDocument[];
  /** Uploads started and not finished, by document id: an interrupted one resumes there. */
  readonly uploading?: Readonly<Record<string, string>>;
  /** A document finished uploading since the last save to the server: the next save names it. */
  readonly documentsToTell?: true;
  /** The other device's copy, while the person has not chosen. */
  readonly conflict?: AccountDraft;
  /** Deleted or sent here while the server could not be told (offline): told when it can. */
  readonly gone?: true;
}

export async function readDraftSync(draftId: string): Promise<DraftSyncRecord | undefined> {
  return (await database()).get("draft-sync", draftId);
}

export async function listDraftSync(): Promise<DraftSyncRecord[]> {
  return (await database()).getAll("draft-sync");
}

export async function writeDraftSync(record: DraftSyncRecord): Promise<void> {
  await (await database()).put("draft-sync", record);
}

export async function forgetDraftSync(draftId: string): Promise<void> {
  await (await database()).delete("draft-sync", draftId);
}

/** Signing out on this device: which drafts are the account's is nobody else's business. */
export async function forgetAllDraftSync(): Promise<void> {
  await (await database()).clear("draft-sync");
}

/**
 * The thumbnail another device sent with a draft's document, while its bytes are not on this
 * device (they are fetched when the draft is opened).
 */
export async function syncedThumbnail(documentId: string): Promise<Blob | undefined> {
  for (const record of await listDraftSync()) {
    const found = record.documents.find((doc) => doc.documentId === documentId)?.thumbnail;
    if (found) return thumbnailOfDataUrl(found);
  }
  return undefined;
}

/** A base64 data URL as a Blob, decoded here: a page's connect-src need not allow `data:`. */
export function thumbnailOfDataUrl(url: string): Blob | undefined {
  const match = /^data:([^;,]+);base64,(.*)$/.exec(url);
  if (!match?.[1] || match[2] === undefined) return undefined;
  try {
    const binary = atob(match[2]);
    return new Blob([Uint8Array.from(binary, (c) => c.charCodeAt(0))], { type: match[1] });
  } catch {
    return undefined;
  }
}
