/**
 * Server-side sessions: the cookie holds a 128-bit random token, the table only its sha256, so
 * a session can be listed and closed from another device. A session ends after `idleMinutes`
 * without use or `maxMinutes` after sign-in, whichever comes first.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../db/tables";
import { randomToken, sha256Hex } from "./tokens";

/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  readonly id: string;
  readonly accountId: string;
  readonly method: "code" | "oidc";
  readonly idToken: string | null;
}

export interface SessionRules {
  readonly idleMinutes: number;
  readonly maxMinutes: number;
}

export class Sessions {
  constructor(
    private readonly db: Db,
    private readonly rules: SessionRules,
    private readonly now: () => Date,
  ) {}

  /** A new session and the token for its cookie (returned once, never stored). */
  async create(
    accountId: string,
    details: { readonly device: string; readonly method: "code" | "oidc"; readonly idToken?: string },
  ): Promise<{ readonly token: string; readonly id: string }> {
    const token = randomToken();
    const id = randomUUID();
    const at = this.now().toISOString();
    await this.db
      .insertInto("sessions")
      .values({
        id,
        token_hash: sha256Hex(token),
        account_id: accountId,
        created_at: at,
        last_seen_at: at,
        device: details.device.slice(0, 100),
        method: details.method,
        id_token: details.idToken ?? null,
      })
      .execute();
    return { token, id };
  }

  /** The live session of a token; an expired one is deleted on the way. */
  async find(token: string): Promise<Session | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .select(["id", "account_id", "created_at", "last_seen_at", "method", "id_token"])
      .where("token_hash", "=", sha256Hex(token))
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.now().getTime();
    const idleEnd = Date.parse(row.last_seen_at) + this.rules.idleMinutes * 60_000;
    const absoluteEnd = Date.parse(row.created_at) + this.rules.maxMinutes * 60_000;
    if (now >= idleEnd || now >= absoluteEnd) {
      await this.db.deleteFrom("sessions").where("id", "=", row.id).execute();
      return undefined;
    }
    if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS)
      await this.db
        .updateTable("sessions")
        .set({ last_seen_at: new Date(now).toISOString() })
        .where("id", "=", row.id)
        .execute();
    return { id: row.id, accountId: row.account_id, method: row.method, idToken: row.id_token };
  }

  list(accountId: string) {
    return this.db
      .selectFrom("sessions")
      .select(["id", "device", "created_at", "last_seen_at"])
      .where("account_id", "=", accountId)
      .orderBy("last_seen_at", "desc")
      .execute();
  }

  /** Closes one of the account's sessions; false if it has no such session (another's is not touched). */
  async close(accountId: string, sessionId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom("sessions")
      .where("id", "=", sessionId)
      .where("account_id", "=", accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async closeAll(accountId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("account_id", "=", accountId).execute();
  }

  /** Removes sessions past their absolute timeout (idle ones go when next seen, or here later). */
  async removeExpired(): Promise<void> {
    const now = this.now().getTime();
    await this.db
      .deleteFrom("sessions")
      .where((eb) =>
        eb.or([
          eb("created_at", "<", new Date(now - this.rules.maxMinutes * 60_000).toISOString()),
          eb("last_seen_at", "<", new Date(now - this.rules.idleMinutes * 60_000).toISOString()),
        ]),
      )
      .execute();
  }
}
