/**
 * A request's life once sent, as an explicit state machine: which status each action leads to,
 * from which statuses, and what it needs. The words are those agents already know from
 * démarches-simplifiées: déposée → en instruction → acceptée, refusée or classée sans suite; a
 * request can wait for the citizen (a correction, a document) and a decision can be reopened.
 * Everything that changes a status asks `nextStatus` first; nothing else writes a status.
 */

import { REQUEST_STATUS_NAMES } from "../../shared/api/account-requests";

/**
 * Déposée (received), en instruction (in_review), en attente du demandeur (awaiting_citizen: a
 * correction or documents were asked for), acceptée, refusée, classée sans suite (closed). The
 * list is the API contract's, so the browser and the server name the same statuses.
 */
export const REQUEST_STATUSES = REQUEST_STATUS_NAMES;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const DECISIONS: ReadonlySet<RequestStatus> = new Set(["accepted", "refused", "closed"]);

export type RequestAction =
  | "start_review"
  | "ask_citizen"
  | "citizen_answered"
  | "accept"
  | "refuse"
  | "close"
  | "reopen";

interface Transition {
  readonly from: readonly RequestStatus[];
  readonly to: RequestStatus;
  /** A refusal and a closing without follow-up must say why; the citizen is told. */
  readonly reason: "required" | "optional" | "none";
}

const TRANSITIONS: Readonly<Record<RequestAction, Transition>> = {
  start_review: { from: ["received"], to: "in_review", reason: "none" },
  ask_citizen: { from: ["received", "in_review"], to: "awaiting_citizen", reason: "required" },
  citizen_answered: { from: ["awaiting_citizen"], to: "in_review", reason: "none" },
  accept: { from: ["in_review"], to: "accepted", reason: "optional" },
  refuse: { from: ["in_review"], to: "refused", reason: "required" },
  close: { from: ["received", "in_review", "awaiting_citizen"], to: "closed", reason: "required" },
  reopen: { from: ["accepted", "refused", "closed"], to: "in_review", reason: "required" },
};

export type TransitionCheck =
  | { readonly ok: true; readonly to: RequestStatus }
  | { readonly ok: false; readonly problem: "not_allowed" | "reason_required" | "reason_not_expected" };

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Where `action` leads from `from`, or why it may not be taken. */
export function nextStatus(from: RequestStatus, action: RequestAction, reason?: string): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(from)) return { ok: false, problem: "not_allowed" };
  const given = reason !== undefined && reason.trim() !== "";
  if (transition.reason === "required" && !given) return { ok: false, problem: "reason_required" };
  if (transition.reason === "none" && given) return { ok: false, problem: "reason_not_expected" };
  return { ok: true, to: transition.to };
}

/** The actions open from a status, for the screens that offer them. */
export function actionsFrom(status: RequestStatus): RequestAction[] {
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((action) =>
    TRANSITIONS[action].from.includes(status),
  );
}
