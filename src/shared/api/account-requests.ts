/**
 * The requests that follow the person: the account's list ("Mes démarches" on every device), one
 * request's status for its receipt, and attaching requests a device sent without an account.
 * One definition for the browser's sync module and the server.
 */
import * as v from "valibot";
import { SUBMISSION_ID } from "./submission";

/** The statuses of a request once sent (the server's lifecycle.ts moves them; these are the words). */
export const REQUEST_STATUS_NAMES = [
  "received",
  "in_review",
  "awaiting_citizen",
  "accepted",
  "refused",
  "closed",
] as const;
export type RequestStatusName = (typeof REQUEST_STATUS_NAMES)[number];

export const RequestStatusSchema = v.object({
  id: v.string(),
  flowId: v.string(),
  flowVersion: v.number(),
  /** BS-2026-000123. */
  reference: v.string(),
  /** When the server received it. */
  sentAt: v.string(),
  status: v.picklist(REQUEST_STATUS_NAMES),
  /** When the status last changed (the sending, for a request nobody opened yet). */
  statusChangedAt: v.string(),
  /**
   * Why, in the administration's words, when the status comes with a reason: a refusal, a
   * closing, what is asked of the person, an acceptance's note.
   */
  reason: v.optional(v.string()),
  /**
   * When what the province asked or wrote about it last changed (latestExchange of its
   * exchanges): a device fetches them again only when this is newer than its copy.
   */
  exchangesAt: v.optional(v.string()),
});
export type RequestStatusView = v.InferOutput<typeof RequestStatusSchema>;

/** Most recent first; at most ACCOUNT_REQUESTS_LIMIT. */
export const AccountRequestsSchema = v.object({ requests: v.array(RequestStatusSchema) });
export const ACCOUNT_REQUESTS_LIMIT = 500;

/**
 * A device proves it sent a request by what it kept: the id it made (122 random bits, sent to
 * this server only) and the reference the server answered with. Both must match.
 */
export const ATTACH_LIMIT = 100;
export const AttachRequestsSchema = v.object({
  requests: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.toLowerCase(), v.regex(SUBMISSION_ID)),
        reference: v.pipe(v.string(), v.maxLength(40)),
      }),
    ),
    v.minLength(1),
    v.maxLength(ATTACH_LIMIT),
  ),
});
export type AttachRequests = v.InferOutput<typeof AttachRequestsSchema>;

/**
 * attached: now the account's; already: it was already; refused: unknown, the reference does
 * not match, or another account's. One word for the three: an answer must not tell a stranger
 * whether an id is someone else's request.
 */
export const ATTACH_OUTCOMES = ["attached", "already", "refused"] as const;
export const AttachedRequestsSchema = v.object({
  results: v.array(v.object({ id: v.string(), outcome: v.picklist(ATTACH_OUTCOMES) })),
});
export type AttachedRequests = v.InferOutput<typeof AttachedRequestsSchema>;
