/**
 * A draft and its documents as one package of bytes, and back: a JSON manifest (the draft, each
 * document's name, type and sizes) followed by the documents' bytes, sealed by crypto.ts. On
 * import the draft and its documents get new ids, so a package opened on the device it came from
 * stands beside the original instead of sharing (and later deleting) its documents.
 */

import { documentIds } from "../storage/document-ids";
import type { DraftRecord } from "../storage/drafts";
import { addImportedDraft, loadDraft } from "../storage/drafts";
import { readFile, type StoredFile } from "../storage/files";

const FORMAT = 1;

interface FileEntry {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly storedAt: string;
  readonly thumbnailSize?: number;
  readonly thumbnailType?: string;
}

interface Manifest {
  readonly format: typeof FORMAT;
  readonly draft: Pick<DraftRecord, "flowId" | "flowVersion" | "answers" | "snapshot" | "step" | "progress">;
  readonly files: readonly FileEntry[];
}

/** What a package holds, to show before opening it. */
export interface PackageSummary {
  readonly flowId: string;
  readonly step: string;
  readonly progress: DraftRecord["progress"];
  readonly answers: DraftRecord["answers"];
  readonly documents: readonly { readonly name: string; readonly size: number }[];
}

export class NotAPackage extends Error {
  override readonly name = "NotAPackage";
}

/** The draft's package, or undefined when the draft is no longer on this device. */
export async function packDraft(draftId: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const draft = await loadDraft(draftId);
  if (!draft) return undefined;
  const files = (await Promise.all(documentIds(draft.answers).map((id) => readFile(id)))).filter(
    (file): file is StoredFile => file !== undefined,
  );
  const manifest: Manifest = {
    format: FORMAT,
    draft: {
      flowId: draft.flowId,
      flowVersion: draft.flowVersion,
      answers: draft.answers,
      snapshot: draft.snapshot,
      step: draft.step,
      progress: draft.progress,
    },
    files: files.map((file) => ({
      id: file.id,
      name: file.name,
      type: file.type,
      size: file.blob.size,
      storedAt: file.storedAt,
      ...(file.thumbnail ? { thumbnailSize: file.thumbnail.size, thumbnailType: file.thumbnail.type } : {}),
    })),
  };
  const head = new TextEncoder().encode(JSON.stringify(manifest));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, head.byteLength);
  const parts: BlobPart[] = [length, head];
  for (const file of files) {
    parts.push(file.blob);
    if (file.thumbnail) parts.push(file.thumbnail);
  }
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

function readManifest(bytes: Uint8Array<ArrayBuffer>): { manifest: Manifest; body: number } {
  try {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
    const manifest = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Manifest;
    if (manifest.format !== FORMAT || typeof manifest.draft?.flowId !== "string") throw new NotAPackage();
    return { manifest, body: 4 + length };
  } catch {
    throw new NotAPackage();
  }
}

export function summaryOf(bytes: Uint8Array<ArrayBuffer>): PackageSummary {
  const { manifest } = readManifest(bytes);
  return {
    flowId: manifest.draft.flowId,
    step: manifest.draft.step,
    progress: manifest.draft.progress,
    answers: manifest.draft.answers,
    documents: manifest.files.map((file) => ({ name: file.name, size: file.size })),
  };
}

/** Keeps the package on this device as a new draft; returns its id. */
export async function unpackDraft(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const { manifest, body } = readManifest(bytes);
  let offset = body;
  const take = (size: number, type: string) => {
    const blob = new Blob([bytes.subarray(offset, offset + size)], { type });
    offset += size;
    return blob;
  };
  const renamed = new Map<string, string>();
  const files: StoredFile[] = manifest.files.map((entry) => {
    const id = crypto.randomUUID();
    renamed.set(entry.id, id);
    const blob = take(entry.size, entry.type);
    const thumbnail =
      entry.thumbnailSize === undefined
        ? undefined
        : take(entry.thumbnailSize, entry.thumbnailType ?? "image/jpeg");
    return {
      id,
      name: entry.name,
      type: entry.type,
      size: entry.size,
      blob,
      thumbnail,
      storedAt: entry.storedAt,
    };
  });
  if (offset !== bytes.byteLength) throw new NotAPackage();
  // Ids are UUIDs: replacing them in the JSON of the answers and the snapshot touches nothing else.
  let draftText = JSON.stringify({ answers: manifest.draft.answers, snapshot: manifest.draft.snapshot });
  for (const [from, to] of renamed) draftText = draftText.replaceAll(from, to);
  const { answers, snapshot } = JSON.parse(draftText) as Pick<DraftRecord, "answers" | "snapshot">;
  const id = crypto.randomUUID();
  await addImportedDraft(
    {
      id,
      flowId: manifest.draft.flowId,
      flowVersion: manifest.draft.flowVersion,
      answers,
      ...(snapshot === undefined ? {} : { snapshot }),
      step: manifest.draft.step,
      progress: manifest.draft.progress,
      updatedAt: new Date().toISOString(),
      owner: null,
      revision: 1,
    },
    files,
  );
  return id;
}
