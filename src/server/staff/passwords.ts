/**
 * Staff passwords, by OWASP ASVS 5.0: at least 8 characters, long ones allowed (128), the most
 * common ones refused, and no composition rules (they make passwords harder to remember, not to
 * guess). Hashed with Argon2id at OWASP's minimum settings (19 MiB, 2 passes, 1 lane), which is
 * also the library's default algorithm.
 */
import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** A few hundred of the passwords people pick most, lower-cased; read once, with the code. */
const COMMON = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== ""),
);

export type PasswordProblem = "too_short" | "too_long" | "common";

/** Why a new password is refused, or undefined if it may be used. Length counts characters, not bytes. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  if (COMMON.has(password.trim().toLowerCase())) return "common";
  return undefined;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2_OPTIONS);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password.normalize("NFC")).catch(() => false);
}

/**
 * Verified against when no account has the email: an unknown address costs the same time as a
 * wrong password, so the answer's delay does not tell which staff emails exist.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordCheck(password: string): Promise<boolean> {
  decoyHash ??= hashPassword("not a staff member's password");
  return decoyHash.then((decoy) => passwordMatches(decoy, password)).then(() => false);
}
