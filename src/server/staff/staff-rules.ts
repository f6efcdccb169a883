import type { OidcConfig } from "../account-config";

/** How staff sign in, how long their sessions last, and how sign-in failures are throttled. */
export interface StaffRules {
  /**
   * The province's staff directory (STAFF_OIDC_*): who the person is; their roles stay ours. Unset,
   * staff sign in with a local password and TOTP only.
   */
  readonly directory: OidcConfig | undefined;
  /** Unused this long, a session ends (STAFF_SESSION_IDLE_MINUTES, 30 by default). */
  readonly sessionIdleMinutes: number;
  /** A working day: however active, a session ends this long after sign-in. */
  readonly sessionMaxMinutes: number;
}

export const DEFAULT_STAFF_SESSION_IDLE_MINUTES = 30;
export const STAFF_SESSION_MAX_MINUTES = 12 * 60;

/** Failures in a row on one account before it is locked, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failures from one client, on any accounts, within LOCK_MINUTES before it is refused. */
export const CLIENT_FAILURES_LIMIT = 20;
/** Between the password and the code: long enough to open an authenticator app, scan, type. */
export const PENDING_SIGN_IN_MINUTES = 10;

export const DEFAULT_STAFF_RULES: StaffRules = {
  directory: undefined,
  sessionIdleMinutes: DEFAULT_STAFF_SESSION_IDLE_MINUTES,
  sessionMaxMinutes: STAFF_SESSION_MAX_MINUTES,
};
