/**
 * What happens when the last byte of a document arrives: its type is read from its content and
 * checked against the field's list; a document of the wrong type is deleted at once (it must
 * not linger among citizens' files) and remembered as refused, so a request naming it gets a
 * clear answer. An accepted one is forced to disk and its digest recorded.
 */

import { detectDocumentType, SIGNATURE_LENGTH } from "../../shared/document-type";
import type { UploadRecord, UploadsRepository } from "../db/uploads-repository";
import { documentFieldById } from "../flows/flow-fields";
import type { FlowRegistry } from "../flows/flow-registry";
import type { DocumentStore, StoredUpload } from "./document-store";
import { pdfVerdict } from "./pdf-active-content";

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
  const field = flow && documentFieldById(flow, fieldId);
  const type = detectDocumentType(await deps.documents.readHead(upload.id, SIGNATURE_LENGTH));
  const base = { id: upload.id, flowId, fieldId: field ? field.id : fieldId, size: upload.size };
  const accepted =
    field !== undefined && type !== undefined && (field.accept as readonly string[]).includes(type);
  const unsafe =
    accepted &&
    type === "application/pdf" &&
    pdfVerdict(await deps.documents.readHead(upload.id, upload.size)) !== "safe";
  if (!accepted || unsafe) {
    await deps.documents.remove(upload.id);
    const rejected: UploadRecord = {
      ...base,
      sha256: null,
      type: type ?? null,
      status: unsafe ? "unsafe" : "rejected",
    };
    await deps.uploads.record(rejected);
    return rejected;
  }
  await deps.documents.makeDurable(upload.id);
  const complete: UploadRecord = {
    ...base,
    sha256: await deps.documents.sha256(upload.id),
    type,
    status: "complete",
  };
  await deps.uploads.record(complete);
  return complete;
}

/** The flow version the upload was made for: the one named in its metadata, else the current one. */
export function uploadFlow(flows: FlowRegistry, upload: Pick<StoredUpload, "metadata">) {
  const flowId = upload.metadata.flowId ?? "";
  const version = Number(upload.metadata.flowVersion);
  return Number.isSafeInteger(version) && version > 0 ? flows.get(flowId, version) : flows.current(flowId);
}
