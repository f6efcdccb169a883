/**
 * Hand-off packages: the server keeps a device's ciphertext until another device fetches it
 * once with its locator, or until it expires. It never sees the key (src/app/handoff), so it
 * cannot read a package; it only makes the locator, limits who stores what, and caps guessing.
 */
import { createHash, randomInt, randomUUID } from "node:crypto";
import { HANDOFF_ALPHABET, LOCATOR_LENGTH, LOCATOR_PATTERN } from "../../shared/api/handoff";
import type { HandoffsRepository } from "../db/handoffs-repository";
import type { HandoffLimits } from "./handoff-limits";

const HOUR_MS = 3600_000;

export type HandoffCreation =
  | { readonly ok: true; readonly locator: string; readonly expiresAt: string }
  | { readonly ok: false; readonly problem: "too_many_handoffs" };

export type HandoffTaking =
  | { readonly ok: true; readonly ciphertext: Uint8Array }
  | {
      readonly ok: false;
      readonly problem: "handoff_not_found" | "handoff_used" | "handoff_expired" | "too_many_attempts";
    };

const hashOf = (locator: string) => createHash("sha256").update(locator).digest("hex");

function newLocator(): string {
  let locator = "";
  for (let i = 0; i < LOCATOR_LENGTH; i++) locator += HANDOFF_ALPHABET[randomInt(HANDOFF_ALPHABET.length)];
  return locator;
}

export class HandoffService {
  constructor(
    private readonly repository: HandoffsRepository,
    private readonly limits: () => HandoffLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ciphertext: Uint8Array, clientKey: string): Promise<HandoffCreation> {
    const at = this.now();
    const limits = this.limits();
    const created = await this.repository.createdSince(clientKey, new Date(at.getTime() - HOUR_MS));
    if (created >= limits.perClientPerHour) return { ok: false, problem: "too_many_handoffs" };
    const locator = newLocator();
    const expiresAt = new Date(at.getTime() + limits.ttlHours * HOUR_MS).toISOString();
    await this.repository.insert({
      id: randomUUID(),
      locator_hash: hashOf(locator),
      client_key: clientKey,
      ciphertext,
      size: ciphertext.byteLength,
      created_at: at.toISOString(),
      expires_at: expiresAt,
    });
    return { ok: true, locator, expiresAt };
  }

  /** The package's bytes, once: it is emptied as it is given. */
  async take(locator: string, clientKey: string): Promise<HandoffTaking> {
    const at = this.now();
    // Checked first, right locator or not: otherwise guessing would go on, only unanswered.
    const misses = await this.repository.missesSince(clientKey, new Date(at.getTime() - HOUR_MS));
    if (misses >= this.limits().missesPerHour) return { ok: false, problem: "too_many_attempts" };
    const stored = LOCATOR_PATTERN.test(locator) ? await this.repository.find(hashOf(locator)) : undefined;
    if (!stored) {
      await this.repository.recordMiss(clientKey, at);
      return { ok: false, problem: "handoff_not_found" };
    }
    if (stored.imported_at !== null) return { ok: false, problem: "handoff_used" };
    if (Date.parse(stored.expires_at) <= at.getTime() || stored.ciphertext === null)
      return { ok: false, problem: "handoff_expired" };
    if (!(await this.repository.markImported(stored.id, at))) return { ok: false, problem: "handoff_used" };
    return { ok: true, ciphertext: stored.ciphertext };
  }

  /** The periodic cleanup: expired packages' bytes (their rows a day later), and old misses. */
  removeExpired(): Promise<number> {
    const at = this.now();
    return this.repository.removeExpired(at, 24 * HOUR_MS, new Date(at.getTime() - HOUR_MS));
  }
}
