/**
 * Opens the database named by the configuration and brings its schema up to date. SQLite is the
 * default: one file in DATA_DIR, nothing to install. PostgreSQL when DATABASE_URL says so.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseConfig } from "../config";
import { migrateToLatest } from "./migrations";
import { withStatementCache } from "./sqlite-statements";
import type { Db, Tables } from "./tables";

export type DatabaseKind = DatabaseConfig["kind"];

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: a schema to work in (tests give each file its own). */
  readonly schema?: string;
  /** PostgreSQL only: connections in the pool. */
  readonly poolSize?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const db = config.kind === "sqlite" ? openSqlite(config.file) : openPostgres(config.url, options);
  try {
    // Fails fast with the driver's reason (unreachable host, refused login) before serving anything.
    const { rows } = await sql<{ schema: string | null }>`select ${sql.raw(
      config.kind === "postgres" ? "current_schema()" : "null",
    )} as schema`.execute(db);
    await migrateToLatest(db, rows[0]?.schema ?? undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { kind: config.kind, db, close: () => db.destroy() };
}

function openSqlite(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers work during a write; FULL makes every commit reach the disk before we answer.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  // Another process (a backup, a second server by mistake) waits instead of failing at once.
  database.pragma("busy_timeout = 5000");
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

function openPostgres(url: string, options: OpenOptions): Db {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema))
    throw new Error(`Invalid schema name "${options.schema}".`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
