/**
 * Staff sessions: the cookie holds a 128-bit random token, the table its sha256 as the id. A
 * session ends at sign-out, when an administrator ends it, when the account is disabled, after
 * the idle timeout or STAFF_SESSION_MAX_MINUTES after sign-in. Ended sessions are kept, with
 * when they ended, for the audit of who was signed in.
 */
import { isStaffRole, type StaffRole } from "../../shared/staff-roles";
import { randomToken, sha256Hex } from "../accounts/tokens";
import type { StaffAccountRow, StaffRepository } from "../db/staff-repository";
import type { StaffActor } from "./staff-actor";
import type { StaffRules } from "./staff-rules";

/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export class StaffSessions {
  constructor(
    private readonly repository: StaffRepository,
    private readonly rules: StaffRules,
    private readonly now: () => Date,
  ) {}

  /** A new session and the token for its cookie (returned once, never stored). */
  async create(staffId: string, method: "password" | "directory" = "password"): Promise<string> {
    const token = randomToken();
    const at = this.now().toISOString();
    await this.repository.insertSession({
      id: sha256Hex(token),
      staff_id: staffId,
      created_at: at,
      last_seen_at: at,
      ended_at: null,
      method,
    });
    return token;
  }

  /** The actor of a live session; an idle or expired one is ended on the way. */
  async actorOf(token: string): Promise<StaffActor | undefined> {
    const id = sha256Hex(token);
    const session = await this.repository.sessionById(id);
    if (!session || session.ended_at !== null) return undefined;
    const now = this.now();
    const idleEnd = Date.parse(session.last_seen_at) + this.rules.sessionIdleMinutes * 60_000;
    const absoluteEnd = Date.parse(session.created_at) + this.rules.sessionMaxMinutes * 60_000;
    const account = await this.repository.accountById(session.staff_id);
    if (!account || account.disabled === 1 || now.getTime() >= idleEnd || now.getTime() >= absoluteEnd) {
      await this.repository.endSession(id, now.toISOString());
      return undefined;
    }
    if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS)
      await this.repository.touchSession(id, now.toISOString());
    return actorOfAccount(account, id);
  }

  /** How this token's session was opened, if there is one. */
  async methodOf(token: string): Promise<string | undefined> {
    return (await this.repository.sessionById(sha256Hex(token)))?.method;
  }

  async end(token: string): Promise<void> {
    await this.repository.endSession(sha256Hex(token), this.now().toISOString());
  }

  endAllOf(staffId: string): Promise<number> {
    return this.repository.endSessionsOf(staffId, this.now().toISOString());
  }
}

export function rolesOf(account: StaffAccountRow): StaffRole[] {
  return parseList(account.roles).filter(isStaffRole);
}

export function proceduresOf(account: StaffAccountRow): string[] {
  return parseList(account.procedures);
}

function actorOfAccount(account: StaffAccountRow, sessionId: string): StaffActor {
  return { staffId: account.id, sessionId, roles: rolesOf(account), procedures: proceduresOf(account) };
}

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
