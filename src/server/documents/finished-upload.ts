/**
 * What happens when the last byte of a document arrives: its type is read from its content and
 * checked against the field's list; a document of the wrong type is deleted at once (it must
 * not linger among citizens' files) and remembered as refused, so a request naming it gets a
 * clear answer. An accepted one is forced to disk and its digest recorded. A photo is first
 * decoded and encoded again (image-cleaning.ts): the new bytes are kept, while the digest and
 * size recorded stay those of what arrived, which the client names in its request; a photo the
 * server cannot decode, or with too many pixels, is refused like a wrong type.
 */
import { createHash } from "node:crypto";

import { type DocumentType, detectDocumentType, SIGNATURE_LENGTH } from "../../shared/document-type";
import type { UploadRecord, UploadsRepository } from "../db/uploads-repository";
import type { FlowRegistry } from "../flows/flow-registry";
import { type DocumentStore, receivedContent, type StoredUpload } from "./document-store";
import { cleanImage, isCleanable, isImage } from "./image-cleaning";
import { pdfVerdict } from "./pdf-active-content";
import { uploadField } from "./upload-field";

export interface FinishedUploadDeps {
  readonly documents: DocumentStore;
  readonly uploads: UploadsRepository;
  readonly flows: FlowRegistry;
}

export async function settleFinishedUpload(
  deps: FinishedUploadDeps,
  upload: StoredUpload,
): Promise<UploadRecord> {
  const flowId = upload.metadata.flowId ?? "";
  const fieldId = upload.metadata.fieldId ?? "";
  const flow = uploadFlow(deps.flows, upload);
  const field = flow && uploadField(flow, fieldId);
  const type = detectDocumentType(await deps.documents.readHead(upload.id, SIGNATURE_LENGTH));
  const received = receivedContent(upload);
  const base = {
    id: upload.id,
    flowId,
    fieldId: field ? field.id : fieldId,
    size: received?.size ?? upload.size,
  };
  const accepted =
    field !== undefined && type !== undefined && (field.accept as readonly string[]).includes(type);
  const verdict = accepted
    ? await contentVerdict(deps.documents, upload, type)
    : { refused: "rejected" as const };
  if ("refused" in verdict) {
    await deps.documents.remove(upload.id);
    const rejected: UploadRecord = { ...base, sha256: null, type: type ?? null, status: verdict.refused };
    await deps.uploads.record(rejected);
    return rejected;
  }
  await deps.documents.makeDurable(upload.id);
  const complete: UploadRecord = {
    ...base,
    sha256: verdict.receivedSha256 ?? received?.sha256 ?? (await deps.documents.sha256(upload.id)),
    type: type ?? null,
    status: "complete",
  };
  await deps.uploads.record(complete);
  return complete;
}

type Verdict = { readonly refused: RefusedStatus } | { readonly receivedSha256?: string };
type RefusedStatus = Exclude<UploadRecord["status"], "complete">;

/**
 * Whether an accepted type's content is refused; an image comes out re-encoded, with the digest
 * of what arrived. Once replaced (looked at again after a crash), the content is the server's own.
 */
async function contentVerdict(
  documents: DocumentStore,
  upload: StoredUpload,
  type: DocumentType,
): Promise<Verdict> {
  if (type === "application/pdf")
    return pdfVerdict(await documents.readHead(upload.id, upload.size)) === "safe"
      ? {}
      : { refused: "unsafe" };
  if (!isImage(type) || receivedContent(upload)) return {};
  if (!isCleanable(type)) return { refused: "unreadable" };
  const bytes = await documents.readHead(upload.id, upload.size);
  const cleaned = await cleanImage(bytes, type);
  if (!cleaned.ok) return { refused: cleaned.reason };
  const receivedSha256 = createHash("sha256").update(bytes).digest("hex");
  await documents.replaceContent(upload.id, cleaned.bytes, { sha256: receivedSha256, size: upload.size });
  return { receivedSha256 };
}

/** The flow version the upload was made for: the one named in its metadata, else the current one. */
export function uploadFlow(flows: FlowRegistry, upload: Pick<StoredUpload, "metadata">) {
  const flowId = upload.metadata.flowId ?? "";
  const version = Number(upload.metadata.flowVersion);
  return Number.isSafeInteger(version) && version > 0 ? flows.get(flowId, version) : flows.current(flowId);
}
