/**
 * The hand-off of a draft from one device to another (POST/GET /api/handoffs). The server
 * stores ciphertext and makes the locator, the part of the code that finds the package; the key
 * that opens it is made and kept on the devices (src/app/handoff), never sent.
 *
 * Codes are typed by people who may not be at ease with keyboards: one case, and no character
 * that looks like another (no 0/O, no 1/I/L).
 */
import * as v from "valibot";

export const HANDOFF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** 10 characters of 31: about 49.5 bits, far beyond what capped guessing can reach in a day. */
export const LOCATOR_LENGTH = 10;

export const LOCATOR_PATTERN = new RegExp(`^[${HANDOFF_ALPHABET}]{${LOCATOR_LENGTH}}$`);

/** What the person typed, as the code's characters: spaces and dashes dropped, one case. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-–·.]/g, "");
}

export const HandoffCreatedSchema = v.object({
  locator: v.pipe(v.string(), v.regex(LOCATOR_PATTERN)),
  expiresAt: v.string(),
});

export type HandoffCreated = v.InferOutput<typeof HandoffCreatedSchema>;
