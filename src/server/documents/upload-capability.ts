/**
 * Who may touch an upload: whoever holds the key its creation answered. The id alone is not
 * enough — it appears in the request body and in logs of proxies — so the address of an upload
 * is /api/uploads/<id>/<key>. The key is 128 random bits; only its SHA-256 is kept, in the
 * upload's metadata, and it is compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The metadata entry holding the key's digest; a client's metadata of that name is replaced. */
export const KEY_DIGEST_METADATA = "keySha256";
export const CAPABILITY_KEY = /^[0-9a-f]{32}$/;

export const newCapabilityKey = (): string => randomBytes(16).toString("hex");

export const keyDigest = (key: string): string => createHash("sha256").update(key).digest("hex");

export function holdsKey(
  metadata: Readonly<Record<string, string | null>> | undefined,
  key: string,
): boolean {
  const stored = metadata?.[KEY_DIGEST_METADATA];
  if (typeof stored !== "string" || !CAPABILITY_KEY.test(key)) return false;
  const expected = Buffer.from(stored, "hex");
  const given = Buffer.from(keyDigest(key), "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
