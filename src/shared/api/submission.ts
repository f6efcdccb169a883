/**
 * PUT /api/submissions/{id}: the body the browser sends and the receipt the server answers, and
 * the metadata of a document's upload. One definition for both sides: the server parses with
 * these schemas, the browser builds its body with these types and reads the receipt with them.
 */
import * as v from "valibot";
import type { Answers } from "../engine/answers";

/** A request's id: a UUID made on the device when the person started it. */
export const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The tus server names uploads with 16 random bytes in hex. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export const DocumentEntrySchema = v.object({
  /** The document field's answer path ("children.0.certificate") or its id. */
  fieldId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  uploadId: v.pipe(v.string(), v.regex(UPLOAD_ID)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/), v.toLowerCase()),
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  type: v.pipe(v.string(), v.maxLength(100)),
});

export const SubmissionBodySchema = v.object({
  flowId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  flowVersion: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  answers: v.custom<Answers>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    "an object of answers",
  ),
  documents: v.pipe(v.array(DocumentEntrySchema), v.maxLength(500)),
});

export type SubmissionBody = v.InferOutput<typeof SubmissionBodySchema>;
export type DocumentEntry = v.InferOutput<typeof DocumentEntrySchema>;

/** What the server answers to PUT (201 first time, 200 for a replay) and GET. */
export const ReceiptSchema = v.object({
  id: v.string(),
  /** BS-2026-000123: what the person reads out on the phone. */
  reference: v.string(),
  receivedAt: v.string(),
  status: v.string(),
});

export type Receipt = v.InferOutput<typeof ReceiptSchema>;

export function parseReceipt(body: unknown): Receipt | undefined {
  const parsed = v.safeParse(ReceiptSchema, body);
  return parsed.success ? parsed.output : undefined;
}

/**
 * tus Upload-Metadata of a document. The flow version lets the server check the document
 * against the version the request is filled in with, not whatever is current when it arrives.
 */
export interface UploadMetadata {
  readonly flowId: string;
  readonly flowVersion: string;
  /** The document field's id or its answer path. */
  readonly fieldId: string;
  readonly filetype: string;
  readonly filename: string;
}
