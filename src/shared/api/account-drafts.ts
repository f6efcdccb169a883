/**
 * Drafts kept in the account, so a procedure started on one device is continued on another:
 * the list, one draft, saving it with compare-and-set on its revision, and deleting it. Its
 * documents travel as what a device needs to show and send them (name, size, type, thumbnail,
 * the upload that holds the bytes), never the bytes. One definition for browser and server.
 */
import * as v from "valibot";
import type { Answers } from "../engine/answers";
import { SUBMISSION_ID, UPLOAD_ID } from "./submission";

/** A draft's id is the id its request will have: the same UUID. */
export const DRAFT_ID = SUBMISSION_ID;
/** Drafts an account may keep: many households, not a storage service. */
export const ACCOUNT_DRAFTS_LIMIT = 50;
/** A draft's saved body: 40 answers take about 4 KB, thumbnails up to 100 × 16 KB. */
export const MAX_DRAFT_BODY_BYTES = 2 * 1024 * 1024;
/** A JPEG or WebP data URL of a small picture, as src/app/documents makes them. */
export const MAX_THUMBNAIL_CHARS = 16 * 1024;

export const DraftDocumentSchema = v.object({
  /** The document field's answer path ("children.0.certificate"). */
  fieldId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  /** The document's id in the draft's answers. */
  documentId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  uploadId: v.pipe(v.string(), v.regex(UPLOAD_ID)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/), v.toLowerCase()),
  name: v.pipe(v.string(), v.maxLength(255)),
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  type: v.pipe(v.string(), v.maxLength(100)),
  thumbnail: v.optional(
    v.pipe(v.string(), v.maxLength(MAX_THUMBNAIL_CHARS), v.regex(/^data:image\/(jpeg|webp|png);base64,/)),
  ),
});
export type DraftDocument = v.InferOutput<typeof DraftDocumentSchema>;

const AnswersSchema = v.custom<Answers>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "an object of answers",
);

/** PUT /api/account/drafts/{id}: `baseRevision` is the server's revision the device started from (0: new). */
export const SaveDraftSchema = v.object({
  flowId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  flowVersion: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  answers: AnswersSchema,
  /** The step the person was on, so the other device opens there. */
  step: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  baseRevision: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  documents: v.pipe(v.array(DraftDocumentSchema), v.maxLength(100)),
});
export type SaveDraft = v.InferOutput<typeof SaveDraftSchema>;

/** The server's copy: what PUT and GET answer, and what a 409 `draft_conflict` carries as `draft`. */
export const AccountDraftSchema = v.object({
  id: v.string(),
  flowId: v.string(),
  flowVersion: v.number(),
  answers: AnswersSchema,
  step: v.nullable(v.string()),
  revision: v.number(),
  updatedAt: v.string(),
  documents: v.array(DraftDocumentSchema),
});
export type AccountDraft = v.InferOutput<typeof AccountDraftSchema>;

/** Most recently changed first. */
export const AccountDraftsSchema = v.object({ drafts: v.array(AccountDraftSchema) });
