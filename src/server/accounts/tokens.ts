/** Random secrets and their digests: only digests are stored, so a copy of the database opens nothing. */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 128 random bits, URL-safe. */
export const randomToken = () => randomBytes(16).toString("base64url");

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
