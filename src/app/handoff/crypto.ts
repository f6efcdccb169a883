/**
 * A hand-off package's encryption, with WebCrypto: AES-GCM with a 256-bit key derived from the
 * code's secret by PBKDF2-SHA-256 (a random salt per package). The secret is short enough to
 * type (about 74 bits, handoff-code.ts); the 200,000 PBKDF2 rounds make each guess of someone
 * holding the ciphertext (the server, a copy of its database) cost as much as 2^17.6 plain ones.
 *
 * Bytes: version (1) | salt (16) | IV (12) | ciphertext with its 16-byte tag.
 */
const VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const ROUNDS = 200_000;

export class WrongKey extends Error {
  override readonly name = "WrongKey";
}

async function keyOf(secret: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "PBKDF2", false, [
    "deriveKey",
  ]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: ROUNDS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

export async function encrypt(
  plain: Uint8Array<ArrayBuffer>,
  secret: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await keyOf(secret, salt), plain),
  );
  const out = new Uint8Array(1 + SALT_BYTES + IV_BYTES + sealed.byteLength);
  out[0] = VERSION;
  out.set(salt, 1);
  out.set(iv, 1 + SALT_BYTES);
  out.set(sealed, 1 + SALT_BYTES + IV_BYTES);
  return out;
}

/** The plain bytes; WrongKey when the secret does not open them (or they were changed). */
export async function decrypt(
  sealed: Uint8Array<ArrayBuffer>,
  secret: string,
): Promise<Uint8Array<ArrayBuffer>> {
  if (sealed[0] !== VERSION || sealed.byteLength < 1 + SALT_BYTES + IV_BYTES + 16) throw new WrongKey();
  const salt = sealed.slice(1, 1 + SALT_BYTES);
  const iv = sealed.slice(1 + SALT_BYTES, 1 + SALT_BYTES + IV_BYTES);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv },
        await keyOf(secret, salt),
        sealed.slice(1 + SALT_BYTES + IV_BYTES),
      ),
    );
  } catch {
    throw new WrongKey();
  }
}
