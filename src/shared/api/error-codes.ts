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
  "body_too_complex",
  "invalid_body",
  "unknown_flow",
  "invalid_answers",
  "invalid_documents",
  "submission_conflict",
  "document_incomplete",
  "document_mismatch",
  "document_type",
  "document_unsafe",
  "document_unreadable",
  "document_too_many_pixels",
  "document_in_use",
  "document_too_large",
  "unknown_field",
  "invalid_upload",
  "upload_not_found",
  "upload_expired",
  "upload_offset_conflict",
  "too_many_uploads",
  "upload_quota_reached",
  "storage_full",
  "database_unavailable",
  "internal_error",
  "cross_origin",
  "invalid_address",
  "too_many_codes",
  "wrong_code",
  "code_expired",
  "not_signed_in",
  "session_not_found",
  "oidc_not_configured",
  "draft_not_found",
  "draft_conflict",
  "too_many_drafts",
  "draft_document_not_found",
  "not_a_post",
  "help_call_not_found",
  "handoff_not_found",
  "handoff_used",
  "handoff_expired",
  "too_many_attempts",
  "too_many_handoffs",
  "staff_sign_in_required",
  "staff_role_required",
  "staff_sign_in_failed",
  "staff_locked",
  "staff_too_many_attempts",
  "staff_wrong_code",
  "staff_sign_in_expired",
  "staff_not_found",
  "staff_directory_not_configured",
  "staff_directory_failed",
  "staff_not_provisioned",
  "transition_not_allowed",
  "reason_required",
  "reason_not_expected",
  "unknown_reason",
  "request_changed",
  "not_an_agent_of_procedure",
  "note_empty",
  "unknown_document_field",
  "ask_text_required",
  "ask_documents_required",
  "task_not_found",
  "task_answered",
  "task_answer_conflict",
  "attachment_invalid",
  "unknown_question_field",
  "correction_not_asked",
  "invalid_corrections",
  "attachment_too_large",
  "attachment_type",
  "attachment_unsafe",
  "attachment_unreadable",
  "too_many_attachments",
  "attachment_not_found",
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
    /** How many more problems there were than `fields` lists (the server reports a bounded number). */
    fieldsLeftOut: v.optional(v.number()),
    uploadIds: v.optional(v.array(v.string())),
    triesLeft: v.optional(v.number()),
    /** With `draft_conflict`: the server's copy (account-drafts.ts's AccountDraftSchema parses it). */
    draft: v.optional(v.unknown()),
  }),
});

export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

/** The error an answer carries, if it is one of the contract's. */
export function apiErrorOf(body: unknown): ErrorBody["error"] | undefined {
  const parsed = v.safeParse(ErrorBodySchema, body);
  return parsed.success ? parsed.output.error : undefined;
}
