/**
 * The roles of the province's staff. Shared because the staff pages show what a role may do and
 * the server checks it on every route and query.
 * - mediator: the connected space (posts, help calls); never reads a request.
 * - agent: processes the requests of the procedures listed on their account.
 * - supervisor: everything an agent may do on the procedures of their department, plus its audit.
 * - administrator: staff accounts and their sessions; reads no request unless also agent or supervisor.
 */
export const STAFF_ROLES = ["mediator", "agent", "supervisor", "administrator"] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
