/**
 * Signing in with a code sent by email or SMS. A code is 6 random digits, valid CODE_MINUTES,
 * for one attempt only (it is checked together with the attempt id the page got), used once,
 * with MAX_TRIES guesses; only its sha256 (salted with the attempt id) is stored. Codes are
 * limited per address and per client each hour. Asking for a code answers the same whether or
 * not an account exists: the account is made when the code is typed.
 */
import { randomInt } from "node:crypto";
import type { Db } from "../db/tables";
import type { MessageQueue } from "../messages/message-queue";
import type { MessageLanguage, MessageTexts } from "../messages/message-texts";
import type { AccountAudit } from "./account-audit";
import { type CodeAddress, normaliseAddress } from "./address";
import { randomToken, sameDigest, sha256Hex } from "./tokens";

export const CODE_MINUTES = 10;
export const MAX_TRIES = 5;
export const CODES_PER_ADDRESS_PER_HOUR = 5;
const HOUR_MS = 3600_000;

export type CodeRequestOutcome =
  | {
      readonly ok: true;
      readonly attemptId: string;
      readonly channel: CodeAddress["channel"];
      readonly expiresAt: string;
    }
  | { readonly ok: false; readonly problem: "invalid_address" | "too_many_codes" };

export type CodeCheckOutcome =
  | { readonly ok: true; readonly address: string }
  | { readonly ok: false; readonly problem: "wrong_code"; readonly triesLeft: number }
  | { readonly ok: false; readonly problem: "code_expired" };

export interface SignInCodesDeps {
  readonly db: Db;
  readonly queue: MessageQueue;
  readonly texts: MessageTexts;
  readonly audit: AccountAudit;
  readonly codesPerClientPerHour: number;
  readonly now: () => Date;
}

const hashOf = (attemptId: string, code: string) => sha256Hex(`${attemptId}:${code}`);

export class SignInCodes {
  constructor(private readonly deps: SignInCodesDeps) {}

  /** `clientKey` names the client (a digest of its IP), for the per-client limit. */
  async request(
    input: string,
    clientKey: string,
    language: MessageLanguage = "fr",
  ): Promise<CodeRequestOutcome> {
    const address = normaliseAddress(input);
    if (!address) return { ok: false, problem: "invalid_address" };
    const { db, now } = this.deps;
    const at = now();
    const hourAgo = new Date(at.getTime() - HOUR_MS).toISOString();
    const [byAddress, byClient] = await Promise.all([
      this.countSince("address", address.value, hourAgo),
      this.countSince("client_key", clientKey, hourAgo),
    ]);
    if (byAddress >= CODES_PER_ADDRESS_PER_HOUR || byClient >= this.deps.codesPerClientPerHour) {
      await this.deps.audit.record("code_refused_rate_limit", {
        address: address.value,
        detail: byClient >= this.deps.codesPerClientPerHour ? "client" : "address",
      });
      return { ok: false, problem: "too_many_codes" };
    }
    const attemptId = randomToken();
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const expiresAt = new Date(at.getTime() + CODE_MINUTES * 60_000);
    const words = this.deps.texts.signInCode(language, { code, minutes: CODE_MINUTES });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("sign_in_codes")
        .values({
          attempt_id: attemptId,
          address: address.value,
          client_key: clientKey,
          code_hash: hashOf(attemptId, code),
          created_at: at.toISOString(),
          expires_at: expiresAt.toISOString(),
          tries: 0,
          used_at: null,
        })
        .execute();
      await this.deps.queue.enqueue(
        {
          channel: address.channel,
          to: address.value,
          subject: words.subject,
          text: address.channel === "email" ? words.email : words.sms,
          expiresAt,
        },
        trx,
      );
      await this.deps.audit.record("code_sent", { address: address.value, detail: address.channel }, trx);
    });
    this.deps.queue.kick();
    return { ok: true, attemptId, channel: address.channel, expiresAt: expiresAt.toISOString() };
  }

  private async countSince(column: "address" | "client_key", value: string, since: string) {
    const row = await this.deps.db
      .selectFrom("sign_in_codes")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .where(column, "=", value)
      .where("created_at", ">", since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Counts the try before comparing, in one UPDATE: parallel guesses cannot exceed MAX_TRIES. */
  async check(attemptId: string, code: string): Promise<CodeCheckOutcome> {
    const { db, now } = this.deps;
    const at = now().toISOString();
    const row = await db
      .updateTable("sign_in_codes")
      .set((eb) => ({ tries: eb("tries", "+", 1) }))
      .where("attempt_id", "=", attemptId)
      .where("used_at", "is", null)
      .where("tries", "<", MAX_TRIES)
      .where("expires_at", ">", at)
      .returning(["address", "code_hash", "tries"])
      .executeTakeFirst();
    if (!row) {
      await this.deps.audit.record("sign_in_failed", { detail: "code_expired" });
      return { ok: false, problem: "code_expired" };
    }
    if (!sameDigest(row.code_hash, hashOf(attemptId, code))) {
      await this.deps.audit.record("sign_in_failed", { address: row.address, detail: "wrong_code" });
      const triesLeft = MAX_TRIES - row.tries;
      return triesLeft > 0
        ? { ok: false, problem: "wrong_code", triesLeft }
        : { ok: false, problem: "code_expired" };
    }
    // Single use: of two requests with the right code, one only marks it used.
    const used = await db
      .updateTable("sign_in_codes")
      .set({ used_at: at })
      .where("attempt_id", "=", attemptId)
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return { ok: false, problem: "code_expired" };
    return { ok: true, address: row.address };
  }

  /** Codes past their hour of rate limiting are of no use to anyone: removed by the cleanup. */
  async removeOld(): Promise<void> {
    const before = new Date(this.deps.now().getTime() - 2 * HOUR_MS).toISOString();
    await this.deps.db.deleteFrom("sign_in_codes").where("created_at", "<", before).execute();
  }
}
