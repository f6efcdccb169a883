/**
 * Sign-in events kept for audit: what happened, when, to which account, and a hint of the
 * address. Never the code, the whole address, the IP or the User-Agent.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Db, Tables } from "../db/tables";
import { addressHint } from "./address";

export type AccountEventKind =
  | "code_sent"
  | "code_refused_rate_limit"
  | "sign_in_succeeded"
  | "sign_in_failed"
  | "signed_out"
  | "signed_out_everywhere"
  | "session_closed"
  | "account_deleted"
  /** A device's account-free requests attached at sign-in; detail: how many. */
  | "requests_attached";

export interface AccountEventFacts {
  readonly accountId?: string | null;
  readonly address?: string;
  /** "code", "oidc", "wrong_code", "expired": a word, never a value someone typed. */
  readonly detail?: string;
}

export class AccountAudit {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** Pass the caller's transaction to record the event with what it tells of, in one commit. */
  async record(
    kind: AccountEventKind,
    facts: AccountEventFacts = {},
    trx: Transaction<Tables> | Db = this.db,
  ): Promise<void> {
    await trx
      .insertInto("account_events")
      .values({
        id: randomUUID(),
        at: this.now().toISOString(),
        kind,
        account_id: facts.accountId ?? null,
        address_hint: facts.address ? addressHint(facts.address) : null,
        detail: facts.detail ?? null,
      })
      .execute();
  }

  async ofAccount(accountId: string) {
    return this.db
      .selectFrom("account_events")
      .select(["at", "kind", "detail"])
      .where("account_id", "=", accountId)
      .orderBy("at")
      .execute();
  }
}
