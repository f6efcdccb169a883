/**
 * The hand-off packages' rows and the wrong locators tried: the SQL of src/server/handoffs.
 * Taking a package is a compare-and-set on `imported_at`, so two devices importing the same
 * code at once get it once between them.
 */
import { randomUUID } from "node:crypto";
import type { Db, HandoffPackagesTable } from "./tables";

export type StoredPackage = Pick<HandoffPackagesTable, "id" | "ciphertext" | "expires_at" | "imported_at">;

export class HandoffsRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Omit<HandoffPackagesTable, "imported_at">): Promise<void> {
    await this.db
      .insertInto("handoff_packages")
      .values({ ...row, imported_at: null })
      .execute();
  }

  async createdSince(clientKey: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom("handoff_packages")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("client_key", "=", clientKey)
      .where("created_at", ">", since.toISOString())
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  async find(locatorHash: string): Promise<StoredPackage | undefined> {
    const row = await this.db
      .selectFrom("handoff_packages")
      .select(["id", "ciphertext", "expires_at", "imported_at"])
      .where("locator_hash", "=", locatorHash)
      .executeTakeFirst();
    if (!row) return undefined;
    // PostgreSQL gives a Buffer, SQLite a Buffer too: both are Uint8Arrays.
    return row;
  }

  /** Marks it imported and drops its bytes; false if another import got there first. */
  async markImported(id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable("handoff_packages")
      .set({ imported_at: at.toISOString(), ciphertext: null })
      .where("id", "=", id)
      .where("imported_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordMiss(clientKey: string, at: Date): Promise<void> {
    await this.db
      .insertInto("handoff_misses")
      .values({ id: randomUUID(), client_key: clientKey, at: at.toISOString() })
      .execute();
  }

  async missesSince(clientKey: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom("handoff_misses")
      .select((eb) => eb.fn.countAll().as("count"))
      .where("client_key", "=", clientKey)
      .where("at", ">", since.toISOString())
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /**
   * Empties packages past their expiry, and deletes their rows `keepRowsMs` later: until then a
   * late try is told "expired" rather than "no such code". Misses before `missesBefore` go.
   */
  async removeExpired(now: Date, keepRowsMs: number, missesBefore: Date): Promise<number> {
    const emptied = await this.db
      .updateTable("handoff_packages")
      .set({ ciphertext: null })
      .where("expires_at", "<=", now.toISOString())
      .where("ciphertext", "is not", null)
      .executeTakeFirst();
    await this.db
      .deleteFrom("handoff_packages")
      .where("expires_at", "<=", new Date(now.getTime() - keepRowsMs).toISOString())
      .execute();
    await this.db.deleteFrom("handoff_misses").where("at", "<=", missesBefore.toISOString()).execute();
    return Number(emptied.numUpdatedRows);
  }
}
