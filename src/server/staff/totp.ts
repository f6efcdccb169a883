/**
 * The second factor: TOTP as every authenticator app reads it (RFC 6238, SHA-1, 6 digits,
 * 30 seconds). One step either side is accepted for a phone's clock that drifts; a step whose
 * code was accepted once is never accepted again, so a code seen over a shoulder is worth nothing.
 */
import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const WINDOW = 1;
export const TOTP_ISSUER = "Pas à pas (personnel)";

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, email: string) {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// address the QR code carries. */
export function totpUrl(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/**
 * The step of a valid code not older than `lastStep`'s, or undefined: wrong, out of the window,
 * or a code of a step already used.
 */
export function acceptedStep(secret: string, code: string, lastStep: number, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const timestamp = now.getTime();
  const delta = totp(secret, "").validate({ token: code, timestamp, window: WINDOW });
  if (delta === null) return undefined;
  const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
  return step > lastStep ? step : undefined;
}

/** The code of the current step: what an authenticator app shows (tests and the command use it). */
export function currentTotpCode(secret: string, now = new Date()): string {
  return totp(secret, "").generate({ timestamp: now.getTime() });
}
