/**
 * Schema changes, in code so they ship inside the server and run at start (no files read at
 * run time). Portable schema builder only: the same migration runs on SQLite and PostgreSQL.
 * Never edit a migration that has shipped: add the next one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";

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
  "0006-accounts": {
    async up(db: AnyDb) {
      // A person: keyed on (issuer, subject) when they come through OpenID Connect, on the
      // normalised email or +687 mobile when they sign in with a code. Never both keys at once.
      await db.schema
        .createTable("accounts")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("code_address", "varchar(320)", (c) => c.unique())
        .addColumn("oidc_issuer", "varchar(500)")
        .addColumn("oidc_subject", "varchar(255)")
        // What the provider told about the person (names, birth date, email), as JSON text.
        .addColumn("profile", "text")
        .addUniqueConstraint("accounts_oidc_unique", ["oidc_issuer", "oidc_subject"])
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        // sha256 of the cookie's token: a copy of the database does not sign anyone in.
        .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("account_id", TEXT_ID, (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("last_seen_at", ISO_TIME, (c) => c.notNull())
        .addColumn("device", "varchar(100)", (c) => c.notNull())
        .addColumn("method", "varchar(16)", (c) => c.notNull())
        // The provider's ID token, for ending its session too at sign-out.
        .addColumn("id_token", "text")
        .execute();
      await db.schema.createIndex("sessions_account").on("sessions").column("account_id").execute();
      await db.schema
        .createTable("sign_in_codes")
        .addColumn("attempt_id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("address", "varchar(320)", (c) => c.notNull())
        .addColumn("client_key", "varchar(64)", (c) => c.notNull())
        .addColumn("code_hash", "varchar(64)", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("expires_at", ISO_TIME, (c) => c.notNull())
        .addColumn("tries", "integer", (c) => c.notNull())
        .addColumn("used_at", ISO_TIME)
        .execute();
      await db.schema
        .createIndex("sign_in_codes_address")
        .on("sign_in_codes")
        .columns(["address", "created_at"])
        .execute();
      await db.schema
        .createIndex("sign_in_codes_client")
        .on("sign_in_codes")
        .columns(["client_key", "created_at"])
        .execute();
      // One OpenID Connect round trip: state, nonce and PKCE verifier stay here, the browser
      // holds only a cookie naming the row.
      await db.schema
        .createTable("oidc_attempts")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("state", "varchar(128)", (c) => c.notNull())
        .addColumn("nonce", "varchar(128)", (c) => c.notNull())
        .addColumn("code_verifier", "varchar(128)", (c) => c.notNull())
        .addColumn("expires_at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("account_events")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("kind", "varchar(32)", (c) => c.notNull())
        .addColumn("account_id", TEXT_ID)
        // "j•••@gmail.com", "+687 7••••2": enough to recognise a pattern, not to contact anyone.
        .addColumn("address_hint", "varchar(100)")
        .addColumn("detail", "varchar(100)")
        .execute();
      await db.schema
        .createTable("messages")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("channel", "varchar(8)", (c) => c.notNull())
        .addColumn("recipient", "varchar(320)", (c) => c.notNull())
        .addColumn("subject", "varchar(200)", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("next_attempt_at", ISO_TIME, (c) => c.notNull())
        .addColumn("claimed_until", ISO_TIME)
        .addColumn("expires_at", ISO_TIME, (c) => c.notNull())
        .addColumn("sent_at", ISO_TIME)
        .addColumn("last_error", "varchar(200)")
        .execute();
      await db.schema
        .createIndex("messages_due")
        .on("messages")
        .columns(["status", "next_attempt_at"])
        .execute();
    },
  },
  "0007-upload-limits": {
    async up(db: AnyDb) {
      // Who created each upload (a digest of the address) and how many bytes it announced: the
      // per-client limits and quota are counted here, so every server process sees the same.
      await db.schema
        .createTable("upload_clients")
        .addColumn("upload_id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("client_key", "varchar(64)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("upload_clients_client")
        .on("upload_clients")
        .columns(["client_key", "created_at"])
        .execute();
    },
  },
  "0009-account-requests": {
    async up(db: AnyDb) {
      // "Mes démarches" lists an account's requests, newest first, on every device it opens.
      await db.schema
        .createIndex("submissions_owner")
        .on("submissions")
        .columns(["owner_account_id", "received_at"])
        .execute();
    },
  },
  "0010-account-drafts": {
    async up(db: AnyDb) {
      // Drafts that follow the person; each save is a compare-and-set on `revision`.
      await db.schema
        .createTable("account_drafts")
        .addColumn("id", "varchar(36)", (c) => c.primaryKey())
        .addColumn("account_id", TEXT_ID, (c) => c.notNull())
        .addColumn("flow_id", TEXT_ID, (c) => c.notNull())
        .addColumn("flow_version", "integer", (c) => c.notNull())
        .addColumn("answers", "text", (c) => c.notNull())
        .addColumn("step", "varchar(100)")
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("updated_at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("account_drafts_account")
        .on("account_drafts")
        .columns(["account_id", "updated_at"])
        .execute();
      await db.schema
        .createTable("account_draft_documents")
        .addColumn("draft_id", "varchar(36)", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("field_id", "varchar(200)", (c) => c.notNull())
        .addColumn("document_id", TEXT_ID, (c) => c.notNull())
        .addColumn("upload_id", TEXT_ID, (c) => c.notNull())
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .addColumn("name", "varchar(255)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("type", "varchar(100)", (c) => c.notNull())
        .addColumn("thumbnail", "text")
        .addPrimaryKeyConstraint("account_draft_documents_pk", ["draft_id", "position"])
        .execute();
      // The unclaimed-upload cleanup asks whether a draft names an upload.
      await db.schema
        .createIndex("account_draft_documents_upload")
        .on("account_draft_documents")
        .column("upload_id")
        .execute();
    },
  },
  "0013-posts": {
    async up(db: AnyDb) {
      // The connected space's PCs, their help calls, and anonymous time per step (no post, no person).
      await db.schema
        .createTable("posts")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("name", "varchar(80)", (c) => c.notNull())
        .addColumn("token_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("enrolled_by", "varchar(64)", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("removed_at", ISO_TIME)
        .addColumn("in_use_since", ISO_TIME)
        .addColumn("step_flow_id", "varchar(80)")
        .addColumn("step_id", "varchar(80)")
        .addColumn("step_since", ISO_TIME)
        .execute();
      await db.schema
        .createTable("help_calls")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("post_id", TEXT_ID, (c) => c.notNull())
        .addColumn("flow_id", "varchar(80)")
        .addColumn("step_id", "varchar(80)")
        .addColumn("status", "varchar(16)", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("taken_at", ISO_TIME)
        .addColumn("closed_at", ISO_TIME)
        .execute();
      await db.schema
        .createIndex("help_calls_status")
        .on("help_calls")
        .columns(["status", "created_at"])
        .execute();
      await db.schema
        .createTable("step_visits")
        .addColumn("flow_id", "varchar(80)", (c) => c.notNull())
        .addColumn("step_id", "varchar(80)", (c) => c.notNull())
        .addColumn("seconds", "integer", (c) => c.notNull())
        .addColumn("last_of_session", "integer", (c) => c.notNull())
        .addColumn("day", "varchar(10)", (c) => c.notNull())
        .execute();
    },
  },
  "0012-handoffs": {
    async up(db: AnyDb) {
      // A draft handed from one device to another: ciphertext only (the key stays in the code
      // the person carries), found by the sha256 of its locator, read once, gone after a day.
      const binary = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
      await db.schema
        .createTable("handoff_packages")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("locator_hash", "varchar(64)", (c) => c.notNull().unique())
        .addColumn("client_key", "varchar(64)", (c) => c.notNull())
        // Emptied when imported: the row stays until it expires, to answer "already used".
        .addColumn("ciphertext", sql.raw(binary))
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("expires_at", ISO_TIME, (c) => c.notNull())
        .addColumn("imported_at", ISO_TIME)
        .execute();
      await db.schema
        .createIndex("handoff_packages_client")
        .on("handoff_packages")
        .columns(["client_key", "created_at"])
        .execute();
      // Wrong locators tried, per client: guessing is capped per hour.
      await db.schema
        .createTable("handoff_misses")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("client_key", "varchar(64)", (c) => c.notNull())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("handoff_misses_client")
        .on("handoff_misses")
        .columns(["client_key", "at"])
        .execute();
    },
  },
  "0011-staff": {
    async up(db: AnyDb) {
      // The province's staff, separate from citizens' accounts: a password (Argon2id) and TOTP,
      // roles and the procedures they process. Roles and procedures are JSON text (no arrays in SQLite).
      await db.schema
        .createTable("staff_accounts")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("email", "varchar(254)", (c) => c.notNull().unique())
        .addColumn("name", "varchar(200)", (c) => c.notNull())
        .addColumn("password_hash", "varchar(200)", (c) => c.notNull())
        .addColumn("totp_secret", "varchar(64)")
        .addColumn("totp_last_step", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("roles", "text", (c) => c.notNull())
        .addColumn("procedures", "text", (c) => c.notNull())
        .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("locked_until", ISO_TIME)
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .execute();
      // id is the sha256 of the cookie's token: a copy of the table opens no session. Ended
      // sessions stay (ended_at) so who was signed in when remains known.
      await db.schema
        .createTable("staff_sessions")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("staff_id", TEXT_ID, (c) => c.notNull())
        .addColumn("created_at", ISO_TIME, (c) => c.notNull())
        .addColumn("last_seen_at", ISO_TIME, (c) => c.notNull())
        .addColumn("ended_at", ISO_TIME)
        .execute();
      await db.schema.createIndex("staff_sessions_staff").on("staff_sessions").column("staff_id").execute();
      // Between the password and the second factor: a few minutes, not a session. It carries
      // the TOTP secret being set up until its first code proves the phone has it.
      await db.schema
        .createTable("staff_pending_sign_ins")
        .addColumn("id", "varchar(64)", (c) => c.primaryKey())
        .addColumn("staff_id", TEXT_ID, (c) => c.notNull())
        .addColumn("new_totp_secret", "varchar(64)")
        .addColumn("expires_at", ISO_TIME, (c) => c.notNull())
        .execute();
      // Failed sign-ins per client (a digest of its address), for the per-client throttle.
      await db.schema
        .createTable("staff_sign_in_failures")
        .addColumn("client_key", "varchar(64)", (c) => c.notNull())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("staff_sign_in_failures_client")
        .on("staff_sign_in_failures")
        .columns(["client_key", "at"])
        .execute();
    },
  },
  "0014-processing": {
    async up(db: AnyDb) {
      // What the agents' queues filter and sort on, written with the request (queue-facets.ts):
      // answers are JSON text, out of reach of an index.
      for (const [name, type] of [
        ["commune", "varchar(64)"],
        ["family_quotient", "integer"],
        ["household_resources", "integer"],
        ["ceiling", "integer"],
        ["under_ceiling", "integer"],
        ["estimate", "varchar(16)"],
        ["applicant_name", "varchar(200)"],
        ["search_text", "varchar(300)"],
        ["assigned_staff_id", TEXT_ID],
      ] as const)
        await db.schema.alterTable("submissions").addColumn(name, type).execute();
      // Requests recorded before: found by their reference; their other facets stay empty.
      await db
        .updateTable("submissions")
        .set((eb) => ({ search_text: eb.fn("lower", ["reference"]) }))
        .execute();
      // Every queue is one procedure's, by status, newest or oldest first.
      await db.schema
        .createIndex("submissions_queue")
        .on("submissions")
        .columns(["flow_id", "status", "received_at"])
        .execute();
      await db.schema
        .createIndex("submissions_assigned")
        .on("submissions")
        .columns(["flow_id", "assigned_staff_id", "status"])
        .execute();
      await db.schema
        .createIndex("submissions_commune")
        .on("submissions")
        .columns(["flow_id", "commune", "received_at"])
        .execute();
      await db.schema
        .createIndex("submissions_quotient")
        .on("submissions")
        .columns(["flow_id", "family_quotient"])
        .execute();
      await db.schema
        .createTable("request_notes")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("staff_id", TEXT_ID, (c) => c.notNull())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("request_notes_request")
        .on("request_notes")
        .columns(["request_id", "at"])
        .execute();
      // Who read or did what to which request, from which staff session: appended in the same
      // transaction as the action, never updated; a supervisor exports it.
      await db.schema
        .createTable("processing_audit")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("staff_id", TEXT_ID, (c) => c.notNull())
        .addColumn("session_id", TEXT_ID, (c) => c.notNull())
        .addColumn("action", "varchar(32)", (c) => c.notNull())
        .addColumn("request_id", "varchar(36)", (c) => c.notNull())
        .addColumn("detail", "varchar(500)")
        .execute();
      await db.schema
        .createIndex("processing_audit_request")
        .on("processing_audit")
        .columns(["request_id", "at"])
        .execute();
      await db.schema
        .createIndex("processing_audit_staff")
        .on("processing_audit")
        .columns(["staff_id", "at"])
        .execute();
    },
  },
  "0017-staff-directory": {
    async up(db: AnyDb) {
      // Who the staff directory says a staff member is, bound at their first sign-in through it:
      // afterwards they are found by (issuer, subject), never again by email.
      await db.schema.alterTable("staff_accounts").addColumn("directory_issuer", "varchar(500)").execute();
      await db.schema.alterTable("staff_accounts").addColumn("directory_subject", "varchar(255)").execute();
      await db.schema
        .createIndex("staff_accounts_directory")
        .on("staff_accounts")
        .columns(["directory_issuer", "directory_subject"])
        .unique()
        .execute();
      // How a session was opened, so signing out of one opened through the directory ends the
      // directory's session too.
      await db.schema
        .alterTable("staff_sessions")
        .addColumn("method", "varchar(16)", (c) => c.notNull().defaultTo("password"))
        .execute();
    },
  },
  "0015-agent-messages": {
    async up(db: AnyDb) {
      // Messages between the agents and the citizen about one request. A citizen's carries the id
      // their device made (unique), so the outbox sending it twice records it once.
      await db.schema
        .createTable("request_messages")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("author", "varchar(16)", (c) => c.notNull())
        .addColumn("staff_id", TEXT_ID)
        .addColumn("client_id", "varchar(36)", (c) => c.unique())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("attachments", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("request_messages_request")
        .on("request_messages")
        .columns(["request_id", "at"])
        .execute();
    },
  },
  "0016-agent-tasks": {
    async up(db: AnyDb) {
      // What an agent asks of the citizen (a correction, named documents) and the answer, once:
      // the answer's client id is the device's, unique, so a replay finds the first answer.
      await db.schema
        .createTable("request_tasks")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("staff_id", TEXT_ID, (c) => c.notNull())
        .addColumn("kind", "varchar(16)", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("documents", "text", (c) => c.notNull())
        .addColumn("answered_at", ISO_TIME)
        .addColumn("answer_client_id", "varchar(36)", (c) => c.unique())
        .addColumn("answer_digest", "varchar(64)")
        .addColumn("answer_text", "text")
        .execute();
      await db.schema
        .createIndex("request_tasks_request")
        .on("request_tasks")
        .columns(["request_id", "at"])
        .execute();
    },
  },
  "0018-citizen-tasks": {
    async up(db: AnyDb) {
      // Who asked: an agent, or the request itself at receipt for the documents the person said
      // they would send later ("later"), so both are answered the same way, once per client id.
      await db.schema
        .alterTable("request_tasks")
        .addColumn("origin", "varchar(16)", (c) => c.notNull().defaultTo("agent"))
        .execute();
    },
  },
  "0019-answer-corrections": {
    async up(db: AnyDb) {
      // The questions a correction names (JSON array of field ids): the citizen may change those
      // answers, and only those.
      await db.schema
        .alterTable("request_tasks")
        .addColumn("questions", "text", (c) => c.notNull().defaultTo("[]"))
        .execute();
      // Every answer a correction changed, from what to what (JSON text; null: not answered),
      // appended in the answer's transaction and never edited: the request's answers hold only
      // the latest values, this keeps the ones before.
      await db.schema
        .createTable("request_answer_changes")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("task_id", TEXT_ID, (c) => c.notNull().references("request_tasks.id"))
        .addColumn("at", ISO_TIME, (c) => c.notNull())
        .addColumn("field_id", "varchar(100)", (c) => c.notNull())
        .addColumn("previous", "text")
        .addColumn("corrected", "text")
        .execute();
      await db.schema
        .createIndex("request_answer_changes_request")
        .on("request_answer_changes")
        .columns(["request_id", "at"])
        .execute();
    },
  },
  "0020-message-attachments": {
    async up(db: AnyDb) {
      // Files an agent joins to a message: the bytes in the document store under `id`, the name
      // the agent's file had (for the person to read), what the content is, and its digest.
      // A citizen's files stay uploads bound to the request (request_messages.attachments).
      await db.schema
        .createTable("message_attachments")
        .addColumn("id", TEXT_ID, (c) => c.primaryKey())
        .addColumn("message_id", TEXT_ID, (c) => c.notNull().references("request_messages.id"))
        .addColumn("request_id", "varchar(36)", (c) => c.notNull().references("submissions.id"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("name", "varchar(128)", (c) => c.notNull())
        .addColumn("type", "varchar(64)", (c) => c.notNull())
        .addColumn("size", "integer", (c) => c.notNull())
        .addColumn("sha256", "varchar(64)", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("message_attachments_request")
        .on("message_attachments")
        .columns(["request_id", "message_id", "position"])
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
