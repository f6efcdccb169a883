/**
 * The processing audit trail: every read of a request by staff and every action on it, with who,
 * when and from which staff session. Entries are written by the action's own transaction (a
 * failed action leaves none) and never edited; a supervisor of the procedure reads them.
 */
import type { AUDIT_ACTIONS } from "../../shared/api/agents";
import type { AuditEntry, ProcessingRepository } from "../db/processing-repository";
import { hasRole, mayProcess, type StaffActor } from "../staff/staff-actor";

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function auditEntry(
  actor: StaffActor,
  action: AuditAction,
  requestId: string,
  at: Date,
  detail: string | null = null,
): AuditEntry {
  return {
    at: at.toISOString(),
    staff_id: actor.staffId,
    session_id: actor.sessionId,
    action,
    request_id: requestId,
    // The reason or the colleague's id: never the answers, which the audit does not copy.
    detail: detail === null ? null : detail.slice(0, 500),
  };
}

export interface AuditView {
  readonly at: string;
  readonly staffId: string;
  readonly sessionId: string;
  readonly action: string;
  readonly detail: string | null;
}

/** A request's audit trail, for a supervisor of its procedure; undefined for anyone else. */
export async function auditTrail(
  repository: ProcessingRepository,
  actor: StaffActor,
  requestId: string,
): Promise<AuditView[] | undefined> {
  const request = await repository.request(requestId);
  if (!request || !hasRole(actor, "supervisor") || !mayProcess(actor, request.flowId)) return undefined;
  return (await repository.audit(requestId)).map((entry) => ({
    at: entry.at,
    staffId: entry.staff_id,
    sessionId: entry.session_id,
    action: entry.action,
    detail: entry.detail,
  }));
}
