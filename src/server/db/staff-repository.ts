/**
 * The staff tables (migration 0011): accounts, sessions, sign-ins waiting for their second
 * factor, and failed sign-ins per client. Queries only; the rules are in src/server/staff.
 */
import type { Db, StaffAccountsTable } from "./tables";

export type StaffAccountRow = StaffAccountsTable;

export interface StaffSessionRow {
  readonly id: string;
  readonly staff_id: string;
  readonly created_at: string;
  readonly last_seen_at: string;
  readonly ended_at: string | null;
  readonly method: string;
}

export class StaffRepository {
  constructor(private readonly db: Db) {}

  async insertAccount(row: StaffAccountRow): Promise<void> {
    await this.db.insertInto("staff_accounts").values(row).execute();
  }

  accountByEmail(email: string): Promise<StaffAccountRow | undefined> {
    return this.db.selectFrom("staff_accounts").selectAll().where("email", "=", email).executeTakeFirst();
  }

  accountByDirectory(issuer: string, subject: string): Promise<StaffAccountRow | undefined> {
    return this.db
      .selectFrom("staff_accounts")
      .selectAll()
      .where("directory_issuer", "=", issuer)
      .where("directory_subject", "=", subject)
      .executeTakeFirst();
  }

  /** Binds an account to its directory identity once: false if it already has one. */
  async bindDirectory(id: string, issuer: string, subject: string): Promise<boolean> {
    const result = await this.db
      .updateTable("staff_accounts")
      .set({ directory_issuer: issuer, directory_subject: subject })
      .where("id", "=", id)
      .where("directory_subject", "is", null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  accountById(id: string): Promise<StaffAccountRow | undefined> {
    return this.db.selectFrom("staff_accounts").selectAll().where("id", "=", id).executeTakeFirst();
  }

  listAccounts(): Promise<StaffAccountRow[]> {
    return this.db.selectFrom("staff_accounts").selectAll().orderBy("email").execute();
  }

  async updateAccount(
    id: string,
    changes: Partial<Omit<StaffAccountRow, "id" | "email" | "created_at">>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable("staff_accounts")
      .set(changes)
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Records an accepted TOTP step unless a later or equal one was recorded meanwhile: two
   * requests racing with the same code cannot both win.
   */
  async useTotpStep(id: string, step: number, secret: string): Promise<boolean> {
    const result = await this.db
      .updateTable("staff_accounts")
      .set({ totp_last_step: step, totp_secret: secret, failed_attempts: 0, locked_until: null })
      .where("id", "=", id)
      .where("totp_last_step", "<", step)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insertSession(row: StaffSessionRow): Promise<void> {
    await this.db.insertInto("staff_sessions").values(row).execute();
  }

  sessionById(id: string): Promise<StaffSessionRow | undefined> {
    return this.db.selectFrom("staff_sessions").selectAll().where("id", "=", id).executeTakeFirst();
  }

  async touchSession(id: string, at: string): Promise<void> {
    await this.db.updateTable("staff_sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
  }

  async endSession(id: string, at: string): Promise<void> {
    await this.db
      .updateTable("staff_sessions")
      .set({ ended_at: at })
      .where("id", "=", id)
      .where("ended_at", "is", null)
      .execute();
  }

  /** Ends every open session of one staff member; how many there were. */
  async endSessionsOf(staffId: string, at: string): Promise<number> {
    const result = await this.db
      .updateTable("staff_sessions")
      .set({ ended_at: at })
      .where("staff_id", "=", staffId)
      .where("ended_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async openSessionCounts(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("staff_sessions")
      .select(["staff_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("ended_at", "is", null)
      .groupBy("staff_id")
      .execute();
    return new Map(rows.map((row) => [row.staff_id, Number(row.count)]));
  }

  async insertPending(row: {
    id: string;
    staff_id: string;
    new_totp_secret: string | null;
    expires_at: string;
  }): Promise<void> {
    await this.db.insertInto("staff_pending_sign_ins").values(row).execute();
  }

  /** A pending sign-in not yet expired. */
  findPending(id: string, now: string) {
    return this.db
      .selectFrom("staff_pending_sign_ins")
      .selectAll()
      .where("id", "=", id)
      .where("expires_at", ">", now)
      .executeTakeFirst();
  }

  /** True if this call removed it: a pending sign-in is used once. */
  async deletePending(id: string): Promise<boolean> {
    const deleted = await this.db
      .deleteFrom("staff_pending_sign_ins")
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }

  async removeExpiredPending(now: string): Promise<void> {
    await this.db.deleteFrom("staff_pending_sign_ins").where("expires_at", "<=", now).execute();
  }

  async recordClientFailure(clientKey: string, at: string): Promise<void> {
    await this.db.insertInto("staff_sign_in_failures").values({ client_key: clientKey, at }).execute();
  }

  async clientFailuresSince(clientKey: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom("staff_sign_in_failures")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("client_key", "=", clientKey)
      .where("at", ">", since)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async removeClientFailuresBefore(before: string): Promise<void> {
    await this.db.deleteFrom("staff_sign_in_failures").where("at", "<=", before).execute();
  }
}
