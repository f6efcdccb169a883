/**
 * Who a staff request comes from, as every staff route hands it to the domain: each domain
 * function that reads or changes something for staff takes a StaffActor and checks it itself, so
 * a route that forgets cannot leak (the route checks too, to answer 403 early).
 */
import type { StaffRole } from "../../shared/staff-roles";

export interface StaffActor {
  readonly staffId: string;
  /** The staff session the action came from, for the audit trail. */
  readonly sessionId: string;
  readonly roles: readonly StaffRole[];
  /** Flow ids this person processes (agent) or supervises (supervisor: their department's). */
  readonly procedures: readonly string[];
}

export function hasRole(actor: StaffActor, role: StaffRole): boolean {
  return actor.roles.includes(role);
}

/** May read and act on this procedure's requests: an agent or supervisor of it. */
export function mayProcess(actor: StaffActor, flowId: string): boolean {
  return (hasRole(actor, "agent") || hasRole(actor, "supervisor")) && actor.procedures.includes(flowId);
}
