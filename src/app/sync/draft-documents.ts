/**
 * A signed-in draft's documents between this device and the account. Each document this device
 * holds goes up once, in the background, with tus — the same upload the request names when it
 * is sent, from here or from another device, so nothing is sent twice. A document another device
 * added arrives as its name, size and thumbnail, which is all the pages show of it, and the request
 * names its upload: its bytes are fetched only when this device must hold them (the "keep both"
 * copy), never for opening the draft, on prepaid data.
 * Loaded when there is something to move, and never precached: it needs the network anyway.
 */
import { type DraftDocument, MAX_THUMBNAIL_CHARS } from "../../shared/api/account-drafts";
import { uploadIdOfUrl } from "../../shared/api/paths";
import { addDraftCopy } from "../storage/draft-copy";
import {
  type DraftSyncRecord,
  readDraftSync,
  thumbnailOfDataUrl,
  writeDraftSync,
} from "../storage/draft-sync";
import type { DraftRecord } from "../storage/drafts";
import { keepFetchedFile, readFile } from "../storage/files";
import { fetchDraftDocument } from "./account-drafts-api";
import { documentsOf } from "./documents-of";
import { sha256, TransportError } from "./send-request";
import { httpTransport } from "./sender";

export interface UploadedDocuments {
  /** The uploads of the documents the answers hold, as the account's draft names them. */
  readonly documents: readonly DraftDocument[];
  /** Some document of this device could not go up now (offline, server busy): try again later. */
  readonly unfinished: boolean;
}

/**
 * Uploads the draft's documents the account does not have yet, one after the other, each
 * remembered as soon as it is done (and where it stands while it goes, to resume).
 */
export async function uploadDraftDocuments(draft: DraftRecord): Promise<UploadedDocuments> {
  const wanted = documentsOf(draft.answers);
  const inAnswers = new Set(wanted.map(({ ref }) => ref.id));
  let sync = await readDraftSync(draft.id);
  // A document removed from the answers is no longer the draft's.
  let documents = (sync?.documents ?? []).filter((doc) => inAnswers.has(doc.documentId));
  let unfinished = false;
  const remember = async (change: Partial<DraftSyncRecord>) => {
    const current = (await readDraftSync(draft.id)) ?? sync;
    if (!current) return;
    sync = { ...current, ...change };
    await writeDraftSync(sync);
  };
  for (const { fieldId, ref } of wanted) {
    if (documents.some((doc) => doc.documentId === ref.id)) continue;
    const file = await readFile(ref.id);
    // Added on another device and not uploaded from there yet: that device sends it.
    if (!file) continue;
    try {
      const url = await httpTransport.upload({
        blob: file.blob,
        name: ref.name,
        type: ref.type,
        flowId: draft.flowId,
        flowVersion: draft.flowVersion,
        fieldId,
        resumeUrl: sync?.uploading?.[ref.id],
        onStarted: (started) => remember({ uploading: { ...sync?.uploading, [ref.id]: started } }),
        onProgress: () => undefined,
      });
      const thumbnail = file.thumbnail && (await dataUrlOf(file.thumbnail));
      documents = [
        ...documents,
        {
          fieldId,
          documentId: ref.id,
          uploadId: uploadIdOfUrl(url) ?? url,
          sha256: await sha256(file.blob),
          name: ref.name,
          size: ref.size,
          type: ref.type,
          ...(thumbnail ? { thumbnail } : {}),
        },
      ];
      const { [ref.id]: _, ...uploading } = sync?.uploading ?? {};
      await remember({ documents, uploading, documentsToTell: true });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      // The server no longer has that upload (expired): it starts over next time.
      if (error.status === 404 || error.status === 410) {
        const { [ref.id]: _, ...uploading } = sync?.uploading ?? {};
        await remember({ uploading });
      }
      // Refused for what it is (type, size): trying again cannot help; sending the request
      // uploads it once more and tells the person why it is refused.
      const refused = error.status === 400 || error.status === 415;
      if (!refused) unfinished = true;
    }
  }
  return { documents, unfinished };
}

const fetching = new Map<string, Promise<number>>();

/**
 * The draft's documents another device added, fetched into this device's files: the count
 * fetched. One fetch of a draft at a time (it is opened again when a pull changes it): a file
 * already fetched is not fetched again, on prepaid data.
 */
export function fetchDraftDocuments(draftId: string): Promise<number> {
  const next = (fetching.get(draftId) ?? Promise.resolve(0)).catch(() => 0).then(() => fetchNow(draftId));
  fetching.set(draftId, next);
  void next.finally(() => fetching.get(draftId) === next && fetching.delete(draftId)).catch(() => 0);
  return next;
}

async function fetchNow(draftId: string): Promise<number> {
  const sync = await readDraftSync(draftId);
  let fetched = 0;
  for (const doc of sync?.documents ?? []) {
    if (await readFile(doc.documentId)) continue;
    const blob = await fetchDraftDocument(draftId, doc.uploadId);
    const thumbnail = doc.thumbnail ? thumbnailOfDataUrl(doc.thumbnail) : undefined;
    await keepFetchedFile(
      { id: doc.documentId, name: doc.name, type: doc.type, size: doc.size },
      blob,
      thumbnail,
    );
    fetched += 1;
  }
  return fetched;
}

/**
 * "Keep both" after a conflict: the documents another device added are fetched first (when the
 * network allows), so the copy holds them too, each under an id of its own.
 */
export async function copyDraft(draft: DraftRecord, copyId: string): Promise<void> {
  await fetchDraftDocuments(draft.id).catch(() => 0);
  await addDraftCopy(draft, copyId);
}

/** A small picture as the data URL the contract carries; none when it is too big to carry. */
async function dataUrlOf(blob: Blob): Promise<string | undefined> {
  if (!/^image\/(jpeg|webp|png)$/.test(blob.type)) return undefined;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const url = `data:${blob.type};base64,${btoa(binary)}`;
  return url.length <= MAX_THUMBNAIL_CHARS ? url : undefined;
}
