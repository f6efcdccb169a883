/**
 * Every error the API can answer, as `{"error": {"code", "message", ...details}}`. The code is
 * the contract: the browser acts on it; the server pairs each with a French sentence
 * (src/server/api/errors.ts, which must cover every code here).
 */
import * as v from "valibot";

export const API_ERROR_CODES = [
  "not_found",
  "method_not_allowed",
  "invalid_id",
  "unsupported_media_type",
  "body_too_large",
  "malformed_json",
  "invalid_body",
  "unknown_flow",
  "invalid_answers",
  "invalid_documents",
  "submission_conflict",
  "document_incomplete",
  "document_mismatch",
  "document_type",
  "document_in_use",
  "document_too_large",
  "unknown_field",
  "invalid_upload",
  "upload_not_found",
  "upload_expired",
  "upload_offset_conflict",
  "database_unavailable",
  "internal_error",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** One answer to fix, as a 422 `invalid_answers` lists them. */
export const FieldProblemSchema = v.object({
  path: v.string(),
  code: v.string(),
  message: v.optional(v.string()),
});

const ErrorBodySchema = v.object({
  error: v.object({
    code: v.picklist(API_ERROR_CODES),
    message: v.string(),
    fields: v.optional(v.array(FieldProblemSchema)),
    uploadIds: v.optional(v.array(v.string())),
  }),
});

export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** The error an answer carries, if it is one of the contract's. */
export function apiErrorOf(body: unknown): ErrorBody["error"] | undefined {
  const parsed = v.safeParse(ErrorBodySchema, body);
  return parsed.success ? parsed.output.error : undefined;
}
