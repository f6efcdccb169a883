/**
 * The databases every server test runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL
 * is set (CI sets it). Each test file gets a fresh database: a new SQLite file, or a new
 * PostgreSQL schema (CREATE SCHEMA t_<random>, used through search_path, dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { describe } from "vitest";
import type { DatabaseConfig } from "../../../../src/server/config";
import type { OpenOptions } from "../../../../src/server/db/connect";

export type DatabaseName = "SQLite" | "PostgreSQL";

const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export const POSTGRES_SKIPPED = "PostgreSQL run skipped: TEST_DATABASE_URL is not set";

/** The databases to run on, for describe.each. */
export const DATABASES: readonly DatabaseName[] = POSTGRES_URL ? ["SQLite", "PostgreSQL"] : ["SQLite"];

/** Says plainly, in the test report, that the PostgreSQL half did not run. */
export function reportSkippedPostgres(): void {
  if (!POSTGRES_URL) describe.skip(POSTGRES_SKIPPED, () => {});
}

export interface TestDatabase {
  readonly config: DatabaseConfig;
  readonly options: OpenOptions;
  /** Removes the PostgreSQL schema (the SQLite file goes with the temporary directory). */
  drop(): Promise<void>;
}

export async function createTestDatabase(name: DatabaseName, dataDir: string): Promise<TestDatabase> {
  if (name === "SQLite")
    return {
      config: { kind: "sqlite", file: join(dataDir, "test.sqlite") },
      options: {},
      drop: async () => {},
    };
  if (!POSTGRES_URL) throw new Error(POSTGRES_SKIPPED);
  const url = POSTGRES_URL;
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  return {
    config: { kind: "postgres", url },
    options: { schema, poolSize: 10 },
    drop: () => withClient(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => {}),
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
