/**
 * Schema changes, in code so they ship inside the server and run at start (no files read at
 * run time). Portable schema builder only: the same migration runs on SQLite and PostgreSQL.
 * Never edit a migration that has shipped: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";

// Kysely's own convention: a migration sees the database as it was then, not today's types.
// biome-ignore lint/suspicious/noExplicitAny: see above.
type AnyDb = Kysely<any>;

const TEXT_ID = "varchar(64)";
const ISO_TIME = "varchar(32)";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-submissions": {
    async up(db: AnyDb) {
      await db.schema
        .createTable("uploads")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("flow_id", TEXT_ID, (c) => c.notNull())
        .addColumn("field_id", TEXT_ID, (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "varchar(64)")
        .addColumn("type", "varchar(64)")
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("recorded_at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("submissions")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("flow_id", TEXT_ID, (c) => c.notNull())
        .addColumn("flow_version", "integer", (c) => c.notNull())
        .addColumn("reference", "varchar(32)", (c) => c.notNull().unique())
        .addColumn("body_sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("answers", "text", (c) => c.notNull())
        .addColumn("received_at", ISO_TIME, (c) => c.notNull())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("submission_documents")
        .addColumn("submission_id", "varchar(36)", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("field_id", "varchar(200)", (c) => c.notNull())
        .addColumn("upload_id", TEXT_ID, (c) => c.notNull().unique().references("uploads.id"))
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("type", "varchar(64)", (c) => c.notNull())
        .addPrimaryKeyConstraint("submission_documents_pk", ["submission_id", "position"])
        // Checked at commit: the links are written before the submission row, so that the
        // reference counter, the one row every request waits for, is locked as briefly as possible.
        .addForeignKeyConstraint(
          "submission_documents_submission_fk",
          ["submission_id"],
          "submissions",
          ["id"],
          (fk) => fk.deferrable().initiallyDeferred(),
        )
        .execute();
      await db.schema
        .createTable("reference_sequences")
        .addColumn("prefix", "varchar(8)", (c) => c.notNull())
        .addColumn("year", "integer", (c) => c.notNull())
        .addColumn("last_value", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("reference_sequences_pk", ["prefix", "year"])
        .execute();
    },
  },
  "0004-request-events": {
    async up(db: AnyDb) {
      // Who a request belongs to once accounts exist; null for one sent without an account.
      await db.schema.alterTable("submissions").addColumn("owner_account_id", TEXT_ID).execute();
      // Every change of a request's status, appended and never edited: the history agents and
      // the citizen read, and what an audit asks for. Position orders one request's events.
      await db.schema
        .createTable("request_events")
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("action", "varchar(32)", (c) => c.notNull())
        .addColumn("from_status", "varchar(32)", (c) => c.notNull())
        .addColumn("to_status", "varchar(32)", (c) => c.notNull())
        .addColumn("actor", "varchar(100)", (c) => c.notNull())
        .addColumn("reason", "text")
        .addPrimaryKeyConstraint("request_events_pk", ["request_id", "position"])
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Brings the schema up to date; Kysely locks the migration table so two servers never race.
 * On PostgreSQL, `schema` must name the schema in use: Kysely otherwise takes a migration table
 * found in any other schema of the database for its own, and skips creating it.
 */
export async function migrateToLatest(db: AnyDb, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(
      `Database migration ${failed} failed: ${error instanceof Error ? error.message : error}`,
      {
        cause: error,
      },
    );
  }
}
