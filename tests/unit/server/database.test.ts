import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/server/db/connect";
import { MIGRATIONS } from "../../../src/server/db/migrations";
import { createTestDatabase, DATABASES, reportSkippedPostgres, type TestDatabase } from "./support/databases";

reportSkippedPostgres();

describe.each(DATABASES)("the %s database", (name) => {
  let dataDir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-db-"));
    database = await createTestDatabase(name, dataDir);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is migrated at start, and opening it again changes nothing", async () => {
    for (let i = 0; i < 2; i++) {
      const opened = await openDatabase(database.config, database.options);
      const migrations = await opened.db
        .selectFrom("kysely_migration" as never)
        .select(sql<string>`name`.as("name"))
        .execute();
      expect(migrations.map((m) => m.name)).toEqual(Object.keys(MIGRATIONS).sort());
      await opened.close();
    }
  });

  it("migrates once when two servers start together", async () => {
    const both = await Promise.all([
      openDatabase(database.config, database.options),
      openDatabase(database.config, database.options),
    ]);
    for (const opened of both) await opened.close();
  });

  it.runIf(name === "SQLite")("writes durably: WAL journal, synchronous=FULL, foreign keys on", async () => {
    const opened = await openDatabase(database.config);
    const pragma = async (query: string) =>
      Object.values((await sql.raw(query).execute(opened.db)).rows[0] as object)[0];
    expect(await pragma("pragma journal_mode")).toBe("wal");
    expect(await pragma("pragma synchronous")).toBe(2);
    expect(await pragma("pragma foreign_keys")).toBe(1);
    await opened.close();
  });
});
