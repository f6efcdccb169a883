/**
 * A request's documents, checked twice before it is recorded. First against its answers: each
 * document reference in the answers has exactly one entry in `documents`, with the same size
 * and type. The app puts the upload id in the reference (its `id`), so that is how they are
 * paired; a client that keeps its own ids in the answers is paired by field and order instead
 * (`fieldId` being the answer path, "children.0.certificate", or the field's id). Then against
 * what the server holds: each upload is complete, has the announced digest and size, and its
 * content has a type the field accepts.
 */
import type { DocumentEntry } from "../../shared/api/submission";
import type { Answers } from "../../shared/engine/answers";
import { type DocumentRef, isDocumentRef } from "../../shared/engine/validate";
import type { Flow } from "../../shared/flow/schema";
import type { UploadRecord } from "../db/uploads-repository";
import { isComplete } from "../documents/document-store";
import { type FinishedUploadDeps, settleFinishedUpload } from "../documents/finished-upload";
import { KEY_DIGEST_METADATA } from "../documents/upload-capability";
import { type DocumentFieldDef, documentAnswerPaths } from "../flows/flow-fields";
import type { FieldProblem } from "./answer-errors";

const MESSAGES = {
  missing: "Un document de cette réponse n'est pas dans la liste des documents envoyés.",
  unexpected: "Ce document ne correspond à aucune réponse de la demande.",
  mismatch: "Ce document n'a pas la taille, le type ou la pièce indiqués dans la réponse.",
  duplicate: "Ce document figure deux fois dans la demande.",
} as const;

/** A documents entry paired with the answer that names it. */
export interface PairedDocument {
  readonly entry: DocumentEntry;
  readonly field: DocumentFieldDef;
}

export function matchDocuments(
  flow: Flow,
  answers: Answers,
  entries: readonly DocumentEntry[],
): { problems: FieldProblem[]; paired: PairedDocument[] } {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.uploadId)) addProblem(problems, `documents.${index}`, "duplicate");
    seen.add(entry.uploadId);
  });

  const refs = documentAnswerPaths(flow, answers).flatMap(({ path, field, value }) => {
    if (!Array.isArray(value) || !value.every(isDocumentRef)) return [];
    return value.map((ref: DocumentRef, i) => ({ path: `${path}.${i}`, answerPath: path, field, ref }));
  });
  const free = new Set(entries.keys());
  const pairs = refs.map((ref) => {
    const byId = entries.findIndex((entry, i) => free.has(i) && entry.uploadId === ref.ref.id);
    free.delete(byId);
    return { ...ref, entry: entries[byId] };
  });
  for (const pair of pairs) {
    if (pair.entry) continue;
    const byField = entries.findIndex(
      (entry, i) => free.has(i) && (entry.fieldId === pair.answerPath || entry.fieldId === pair.field.id),
    );
    free.delete(byField);
    pair.entry = entries[byField];
  }

  const paired: PairedDocument[] = [];
  for (const { path, answerPath, field, ref, entry } of pairs) {
    if (!entry) addProblem(problems, path, "missing");
    else if (
      entry.size !== ref.size ||
      entry.type !== ref.type ||
      (entry.fieldId !== answerPath && entry.fieldId !== field.id)
    )
      addProblem(problems, path, "mismatch");
    else paired.push({ entry, field });
  }
  for (const index of free) addProblem(problems, `documents.${index}`, "unexpected");
  return { problems, paired };
}

function addProblem(problems: FieldProblem[], path: string, code: keyof typeof MESSAGES): void {
  problems.push({ path, code, message: MESSAGES[code] });
}

export type StoredDocumentsCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: DocumentProblemCode;
      readonly uploadIds: readonly string[];
    };

/** Problems a client can fix by itself (finish an upload) come before those that need the person. */
const PRIORITY = [
  "document_incomplete",
  "document_mismatch",
  "document_type",
  "document_unsafe",
  "document_unreadable",
  "document_too_many_pixels",
] as const;
type DocumentProblemCode = (typeof PRIORITY)[number];

export async function checkStoredDocuments(
  deps: FinishedUploadDeps,
  flow: Flow,
  documents: readonly PairedDocument[],
): Promise<StoredDocumentsCheck> {
  const records = await deps.uploads.find(documents.map(({ entry }) => entry.uploadId));
  const failures = new Map<DocumentProblemCode, string[]>();
  for (const { entry, field } of documents) {
    const record = records.get(entry.uploadId) ?? (await settleUnrecorded(deps, entry.uploadId));
    const code = record === undefined ? "document_incomplete" : problemOf(flow, field, entry, record);
    if (code) failures.set(code, [...(failures.get(code) ?? []), entry.uploadId]);
  }
  for (const code of PRIORITY) {
    const uploadIds = failures.get(code);
    if (uploadIds) return { ok: false, code, uploadIds };
  }
  return { ok: true };
}

function problemOf(
  flow: Flow,
  field: DocumentFieldDef,
  entry: DocumentEntry,
  record: UploadRecord,
): DocumentProblemCode | undefined {
  if (record.status === "rejected") return "document_type";
  if (record.status === "unsafe") return "document_unsafe";
  if (record.status === "unreadable") return "document_unreadable";
  if (record.status === "too_many_pixels") return "document_too_many_pixels";
  if (record.flowId !== flow.id || record.fieldId !== field.id) return "document_mismatch";
  if (record.size !== entry.size || record.sha256 !== entry.sha256) return "document_mismatch";
  if (record.type !== entry.type || !(field.accept as readonly string[]).includes(record.type))
    return "document_type";
  return undefined;
}

/**
 * An upload the database knows nothing about: still in progress, gone, or finished just before
 * a crash that stopped its check. The last case is checked now, as the finish would have. Only
 * a tus upload (made with its capability key) is one: the store also holds the files agents join
 * to messages, which a request naming their id must neither settle nor, refused, delete.
 */
async function settleUnrecorded(
  deps: FinishedUploadDeps,
  uploadId: string,
): Promise<UploadRecord | undefined> {
  const upload = await deps.documents.inspect(uploadId);
  if (!upload || !isComplete(upload) || !upload.metadata?.[KEY_DIGEST_METADATA]) return undefined;
  return settleFinishedUpload(deps, upload);
}
