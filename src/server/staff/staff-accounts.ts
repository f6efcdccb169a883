/**
 * Managing staff accounts: made, listed, disabled and given roles by the `npm run staff`
 * command (src/tools/staff.ts); listed and their sessions ended by an administrator through the
 * API. Nothing here signs anyone in (staff-sign-in.ts does).
 */
import { randomUUID } from "node:crypto";
import { isStaffRole, type StaffRole } from "../../shared/staff-roles";
import type { StaffAccountRow, StaffRepository } from "../db/staff-repository";
import { isUniqueViolation } from "../db/unique-violation";
import { hashPassword, type PasswordProblem, passwordProblem } from "./passwords";
import { normaliseStaffEmail } from "./staff-email";
import { proceduresOf, rolesOf, type StaffSessions } from "./staff-sessions";

export interface NewStaffAccount {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly procedures?: readonly string[];
}

export type StaffAccountProblem =
  | PasswordProblem
  | "invalid_email"
  | "invalid_name"
  | "email_taken"
  | RoleProblem;
type RoleProblem = "unknown_role" | "no_role" | "invalid_procedure";

/** What an administrator sees of a staff account: never its password or TOTP secret. */
export interface StaffAccountSummary {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly roles: StaffRole[];
  readonly procedures: string[];
  readonly disabled: boolean;
  readonly totpSetUp: boolean;
  readonly lockedUntil: string | null;
  readonly openSessions: number;
  readonly createdAt: string;
}

export class StaffAccounts {
  constructor(
    private readonly repository: StaffRepository,
    private readonly sessions: StaffSessions,
    private readonly now: () => Date,
  ) {}

  async add(
    account: NewStaffAccount,
  ): Promise<{ ok: true; id: string } | { ok: false; problem: StaffAccountProblem }> {
    const email = normaliseStaffEmail(account.email);
    if (!email) return { ok: false, problem: "invalid_email" };
    const name = account.name.trim();
    if (name === "" || name.length > 200) return { ok: false, problem: "invalid_name" };
    const roles = checkRoles(account.roles, account.procedures ?? []);
    if (!roles.ok) return roles;
    const weak = passwordProblem(account.password);
    if (weak) return { ok: false, problem: weak };
    const id = randomUUID();
    try {
      await this.repository.insertAccount({
        id,
        email,
        name,
        password_hash: await hashPassword(account.password),
        totp_secret: null,
        totp_last_step: 0,
        roles: JSON.stringify(roles.roles),
        procedures: JSON.stringify(roles.procedures),
        disabled: 0,
        failed_attempts: 0,
        locked_until: null,
        created_at: this.now().toISOString(),
        directory_issuer: null,
        directory_subject: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, problem: "email_taken" };
      throw error;
    }
    return { ok: true, id };
  }

  async list(): Promise<StaffAccountSummary[]> {
    const [accounts, open] = await Promise.all([
      this.repository.listAccounts(),
      this.repository.openSessionCounts(),
    ]);
    return accounts.map((account) => summarise(account, open.get(account.id) ?? 0));
  }

  async summary(id: string): Promise<StaffAccountSummary | undefined> {
    const account = await this.repository.accountById(id);
    if (!account) return undefined;
    return summarise(account, (await this.repository.openSessionCounts()).get(id) ?? 0);
  }

  /** The agents of a procedure whose account is open, by name: the colleagues a request goes to. */
  async agentsOf(flowId: string): Promise<{ id: string; name: string }[]> {
    const accounts = await this.repository.listAccounts();
    return accounts
      .filter(
        (account) =>
          account.disabled === 0 &&
          rolesOf(account).includes("agent") &&
          proceduresOf(account).includes(flowId),
      )
      .map((account) => ({ id: account.id, name: account.name }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  }

  /** The account of an email or an id, as the command and the API name them. */
  async find(emailOrId: string): Promise<StaffAccountRow | undefined> {
    const email = normaliseStaffEmail(emailOrId);
    return email ? this.repository.accountByEmail(email) : this.repository.accountById(emailOrId);
  }

  /** Disabled: cannot sign in, and every session ends now. */
  async disable(id: string): Promise<boolean> {
    if (!(await this.repository.updateAccount(id, { disabled: 1 }))) return false;
    await this.sessions.endAllOf(id);
    return true;
  }

  async enable(id: string): Promise<boolean> {
    return this.repository.updateAccount(id, { disabled: 0, failed_attempts: 0, locked_until: null });
  }

  /** New roles apply to the next request of a session already open (staffOnly reads them each time). */
  async setRoles(
    id: string,
    roles: readonly string[],
    procedures: readonly string[],
  ): Promise<{ ok: true } | { ok: false; problem: RoleProblem | "not_found" }> {
    const checked = checkRoles(roles, procedures);
    if (!checked.ok) return checked;
    const updated = await this.repository.updateAccount(id, {
      roles: JSON.stringify(checked.roles),
      procedures: JSON.stringify(checked.procedures),
    });
    return updated ? { ok: true } : { ok: false, problem: "not_found" };
  }

  /** Ends every session of the account; how many were open, or undefined if there is no such account. */
  async endSessions(id: string): Promise<number | undefined> {
    if (!(await this.repository.accountById(id))) return undefined;
    return this.sessions.endAllOf(id);
  }
}

function checkRoles(
  roles: readonly string[],
  procedures: readonly string[],
): { ok: true; roles: StaffRole[]; procedures: string[] } | { ok: false; problem: RoleProblem } {
  if (roles.length === 0) return { ok: false, problem: "no_role" };
  if (!roles.every(isStaffRole)) return { ok: false, problem: "unknown_role" };
  if (!procedures.every((flowId) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(flowId)))
    return { ok: false, problem: "invalid_procedure" };
  return { ok: true, roles: [...new Set(roles)], procedures: [...new Set(procedures)] };
}

function summarise(account: StaffAccountRow, openSessions: number): StaffAccountSummary {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    roles: rolesOf(account),
    procedures: proceduresOf(account),
    disabled: account.disabled === 1,
    totpSetUp: account.totp_secret !== null,
    lockedUntil: account.locked_until,
    openSessions,
    createdAt: account.created_at,
  };
}
