/**
 * Signing staff in, in two steps: the password, then a TOTP code. Between them there is a
 * pending sign-in (a token in its own cookie, a few minutes), not a session: the password alone
 * opens nothing. At the first sign-in the second step sets TOTP up: the secret is shown once and
 * kept only when a first code proves the phone has it.
 *
 * Throttling: LOCK_AFTER_FAILURES wrong passwords or codes in a row lock the account for
 * LOCK_MINUTES; CLIENT_FAILURES_LIMIT failures from one client, on any accounts, refuse that
 * client for as long. A locked account says so (an agent needs to know why they cannot sign
 * in); staff emails are in the province's directory anyway, so this tells an attacker little.
 */
import { randomToken, sha256Hex } from "../accounts/tokens";
import type { StaffAccountRow, StaffRepository } from "../db/staff-repository";
import { decoyPasswordCheck, passwordMatches } from "./passwords";
import { normaliseStaffEmail } from "./staff-email";
import {
  CLIENT_FAILURES_LIMIT,
  LOCK_AFTER_FAILURES,
  LOCK_MINUTES,
  PENDING_SIGN_IN_MINUTES,
} from "./staff-rules";
import type { StaffSessions } from "./staff-sessions";
import { acceptedStep, newTotpSecret, totpUrl } from "./totp";

export type SignInRefusal = "staff_sign_in_failed" | "staff_locked" | "staff_too_many_attempts";

export type PasswordOutcome =
  | { readonly ok: true; readonly pendingToken: string; readonly setup?: { readonly otpauthUrl: string } }
  | { readonly ok: false; readonly problem: SignInRefusal };

export type CodeOutcome =
  | { readonly ok: true; readonly sessionToken: string; readonly staffId: string }
  | {
      readonly ok: false;
      readonly problem:
        | "staff_wrong_code"
        | "staff_sign_in_expired"
        | "staff_locked"
        | "staff_too_many_attempts";
    };

export class StaffSignIn {
  constructor(
    private readonly repository: StaffRepository,
    private readonly sessions: StaffSessions,
    private readonly now: () => Date,
  ) {}

  async withPassword(email: string, password: string, clientKey: string): Promise<PasswordOutcome> {
    if (await this.clientRefused(clientKey)) return { ok: false, problem: "staff_too_many_attempts" };
    const normalised = normaliseStaffEmail(email);
    const account = normalised ? await this.repository.accountByEmail(normalised) : undefined;
    if (!account || account.disabled === 1) {
      await decoyPasswordCheck(password);
      await this.repository.recordClientFailure(clientKey, this.now().toISOString());
      return { ok: false, problem: "staff_sign_in_failed" };
    }
    if (this.locked(account)) return { ok: false, problem: "staff_locked" };
    if (!(await passwordMatches(account.password_hash, password))) {
      return { ok: false, problem: await this.failed(account, clientKey) };
    }
    const pendingToken = randomToken();
    const newSecret = account.totp_secret === null ? newTotpSecret() : null;
    await this.repository.insertPending({
      id: sha256Hex(pendingToken),
      staff_id: account.id,
      new_totp_secret: newSecret,
      expires_at: new Date(this.now().getTime() + PENDING_SIGN_IN_MINUTES * 60_000).toISOString(),
    });
    return newSecret
      ? { ok: true, pendingToken, setup: { otpauthUrl: totpUrl(newSecret, account.email) } }
      : { ok: true, pendingToken };
  }

  async withCode(pendingToken: string, code: string, clientKey: string): Promise<CodeOutcome> {
    if (await this.clientRefused(clientKey)) return { ok: false, problem: "staff_too_many_attempts" };
    const now = this.now();
    const pendingId = sha256Hex(pendingToken);
    const pending = await this.repository.findPending(pendingId, now.toISOString());
    const account = pending && (await this.repository.accountById(pending.staff_id));
    if (!pending || !account || account.disabled === 1)
      return { ok: false, problem: "staff_sign_in_expired" };
    if (this.locked(account)) {
      await this.repository.deletePending(pendingId);
      return { ok: false, problem: "staff_locked" };
    }
    const secret = pending.new_totp_secret ?? account.totp_secret;
    const step = secret ? acceptedStep(secret, code.trim(), account.totp_last_step, now) : undefined;
    if (!secret || step === undefined || !(await this.repository.useTotpStep(account.id, step, secret))) {
      const problem = await this.failed(account, clientKey);
      if (problem === "staff_locked") await this.repository.deletePending(pendingId);
      return { ok: false, problem: problem === "staff_locked" ? problem : "staff_wrong_code" };
    }
    // Single use: of two requests racing with the same pending token, one only gets a session.
    if (!(await this.repository.deletePending(pendingId)))
      return { ok: false, problem: "staff_sign_in_expired" };
    return { ok: true, sessionToken: await this.sessions.create(account.id), staffId: account.id };
  }

  /** Pending sign-ins past their time, and client failures too old to count (main.ts's cleanup). */
  async removeStale(): Promise<void> {
    const now = this.now();
    await this.repository.removeExpiredPending(now.toISOString());
    await this.repository.removeClientFailuresBefore(
      new Date(now.getTime() - LOCK_MINUTES * 60_000).toISOString(),
    );
  }

  private locked(account: StaffAccountRow): boolean {
    return account.locked_until !== null && account.locked_until > this.now().toISOString();
  }

  private async clientRefused(clientKey: string): Promise<boolean> {
    const since = new Date(this.now().getTime() - LOCK_MINUTES * 60_000).toISOString();
    return (await this.repository.clientFailuresSince(clientKey, since)) >= CLIENT_FAILURES_LIMIT;
  }

  /** Counts a failure on the account and the client; locks the account at the limit. */
  private async failed(account: StaffAccountRow, clientKey: string): Promise<SignInRefusal> {
    const now = this.now();
    await this.repository.recordClientFailure(clientKey, now.toISOString());
    const failures = (account.locked_until === null ? account.failed_attempts : 0) + 1;
    if (failures >= LOCK_AFTER_FAILURES) {
      await this.repository.updateAccount(account.id, {
        failed_attempts: 0,
        locked_until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
      });
      return "staff_locked";
    }
    await this.repository.updateAccount(account.id, { failed_attempts: failures, locked_until: null });
    return "staff_sign_in_failed";
  }
}
