/**
 * The code that hands a draft over: the locator (made by the server, finds the package) and the
 * secret (made here, opens it; never sent). The same characters go in the QR code's link, after
 * `#`, so the browser never sends them either. A last check character catches a mistyped
 * character before the one try a package allows is spent on it.
 */
import { HANDOFF_ALPHABET, LOCATOR_LENGTH, normaliseCode } from "../../shared/api/handoff";

/** 15 characters of 31: about 74 bits, stretched by PBKDF2 (crypto.ts). */
export const SECRET_LENGTH = 15;
const CODE_LENGTH = LOCATOR_LENGTH + SECRET_LENGTH + 1;

export interface HandoffCode {
  readonly locator: string;
  /** The secret and its check character. */
  readonly secret: string;
}

/** A weighted sum modulo 31, a prime: any one wrong character or two swapped neighbours change it. */
function checkCharacter(text: string): string {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += (i + 1) * HANDOFF_ALPHABET.indexOf(text[i] as string);
  return HANDOFF_ALPHABET[sum % HANDOFF_ALPHABET.length] as string;
}

export function randomSecret(): string {
  let secret = "";
  const bytes = new Uint8Array(1);
  // Rejection sampling: 248 is the largest multiple of 31 below 256, so each character is uniform.
  while (secret.length < SECRET_LENGTH) {
    crypto.getRandomValues(bytes);
    const byte = bytes[0] as number;
    if (byte < 248) secret += HANDOFF_ALPHABET[byte % HANDOFF_ALPHABET.length];
  }
  return secret;
}

export function codeOf(locator: string, secret: string): HandoffCode {
  return { locator, secret: secret + checkCharacter(locator + secret) };
}

/** The secret without its check character, as the key is derived from it. */
export const secretOf = (code: HandoffCode) => code.secret.slice(0, SECRET_LENGTH);

/** What a person types or a link carries, as a code; undefined when it cannot be one. */
export function parseCode(typed: string): HandoffCode | undefined {
  const text = normaliseCode(typed);
  if (text.length !== CODE_LENGTH || [...text].some((c) => !HANDOFF_ALPHABET.includes(c))) return undefined;
  const body = text.slice(0, -1);
  if (checkCharacter(body) !== text.slice(-1)) return undefined;
  return { locator: text.slice(0, LOCATOR_LENGTH), secret: text.slice(LOCATOR_LENGTH) };
}

/** Groups of 5 for the locator and of 4 for the secret: short enough to read aloud and copy. */
export function groupsOf(code: HandoffCode): { locator: string[]; secret: string[] } {
  const split = (text: string, size: number) => text.match(new RegExp(`.{1,${size}}`, "g")) ?? [];
  return { locator: split(code.locator, 5), secret: split(code.secret, 4) };
}

/** `<origin>/reprendre#<locator>.<secret>`: the part after `#` stays in the browser. */
export function linkOf(origin: string, code: HandoffCode): string {
  return `${origin}/reprendre#${code.locator}.${code.secret}`;
}
