/**
 * Signing staff in through the province's staff directory (its own OpenID Connect issuer,
 * STAFF_OIDC_*; ProConnect does not cover New Caledonian organisations). The directory says who
 * the person is, and its own second factor applies; what they may do stays ours: only a staff
 * account an administrator made (`npm run staff -- add`) can be signed into, with its roles.
 *
 * Binding: at the first sign-in, an account is found by the email the directory vouches for
 * (`email_verified`) and bound to the directory's (issuer, subject); from then on only that pair
 * finds it, so a changed or reused email in the directory never opens someone else's account.
 */
import type { OidcSignIn } from "../accounts/oidc-sign-in";
import type { StaffAccountRow, StaffRepository } from "../db/staff-repository";
import { normaliseStaffEmail } from "./staff-email";
import type { StaffSessions } from "./staff-sessions";

export type DirectoryOutcome =
  | { readonly ok: true; readonly sessionToken: string; readonly staffId: string }
  | { readonly ok: false; readonly problem: "staff_directory_failed" | "staff_not_provisioned" };

export class StaffDirectory {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly repository: StaffRepository,
    private readonly sessions: StaffSessions,
  ) {}

  start(): Promise<{ readonly attemptId: string; readonly url: string }> {
    return this.oidc.start();
  }

  /** The directory sent the browser back with `search`; the attempt is used once. */
  async finish(attemptId: string, search: string): Promise<DirectoryOutcome> {
    const identity = await this.oidc.finish(attemptId, search).catch((error: Error) => {
      // The library's reason names a check (state, nonce, signature), nothing personal.
      console.error(`Staff directory sign-in refused: ${error.message}`);
      return undefined;
    });
    if (!identity) return { ok: false, problem: "staff_directory_failed" };
    const account = await this.accountOf(identity.issuer, identity.subject, identity);
    if (!account || account.disabled === 1) return { ok: false, problem: "staff_not_provisioned" };
    return {
      ok: true,
      staffId: account.id,
      sessionToken: await this.sessions.create(account.id, "directory"),
    };
  }

  /** Round trips never finished (oidc_attempts rows, shared with NC Connect's). */
  removeExpired(): Promise<void> {
    return this.oidc.removeExpired();
  }

  /** The directory's logout address, so signing out here ends the directory's session too. */
  endSessionUrl(): Promise<string | undefined> {
    return this.oidc.endSessionUrl(null);
  }

  private async accountOf(
    issuer: string,
    subject: string,
    claims: { readonly emailVerified: boolean; readonly profile: { readonly email?: string } },
  ): Promise<StaffAccountRow | undefined> {
    const bound = await this.repository.accountByDirectory(issuer, subject);
    if (bound) return bound;
    const email =
      claims.emailVerified && claims.profile.email ? normaliseStaffEmail(claims.profile.email) : undefined;
    const account = email ? await this.repository.accountByEmail(email) : undefined;
    if (!account || account.directory_subject !== null) return undefined;
    return (await this.repository.bindDirectory(account.id, issuer, subject)) ? account : undefined;
  }
}
