/**
 * The tables, as Kysely sees them. Portable types only, so one set of queries serves SQLite and
 * PostgreSQL: timestamps are ISO 8601 text (UTC), JSON is text, no booleans.
 */
import type { ColumnType, Kysely } from "kysely";

export interface SubmissionsTable {
  /** The UUID the device made: the idempotency key and, for now, the capability to read the status. */
  id: string;
  flow_id: string;
  flow_version: number;
  /** BS-2026-000123: unique, read aloud on the phone. */
  reference: string;
  /** sha256 of the canonical body: a replay with the same id must carry the same request. */
  body_sha256: string;
  /** The answers as JSON text. */
  answers: string;
  received_at: string;
  /** One of lifecycle.ts's statuses; changed only through a transition, with its event. */
  status: string;
  /** The account it belongs to; null when it was sent without one. */
  owner_account_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One change of a request's status, appended in the transaction that makes it. */
export interface RequestEventsTable {
  request_id: string;
  /** 1, 2, 3… for each request: the order of its history. */
  position: number;
  at: string;
  action: string;
  from_status: string;
  to_status: string;
  /** "citizen", "system", or "staff:<id>" once staff accounts exist. */
  actor: string;
  reason: string | null;
}

export interface SubmissionDocumentsTable {
  submission_id: string;
  /** Order in the request's documents list. */
  position: number;
  /** The answer path of the document field: "taxNoticeFile", "children.0.certificate". */
  field_id: string;
  /** Unique: a stored document belongs to one request only. */
  upload_id: string;
  sha256: string;
  size: number;
  type: string;
}

/** One counter per reference prefix and year, advanced inside the transaction that uses it. */
export interface ReferenceSequencesTable {
  prefix: string;
  year: number;
  last_value: number;
}

export type UploadStatus = "complete" | "rejected";

/** What the server found when an upload finished: its digest and real type, or why it was refused. */
export interface UploadsTable {
  id: string;
  flow_id: string;
  /** The document field's id (not the answer path). */
  field_id: string;
  size: number;
  sha256: string | null;
  /** The type read from the content (magic bytes), when recognised. */
  type: string | null;
  status: UploadStatus;
  recorded_at: string;
}

export interface Tables {
  submissions: SubmissionsTable;
  submission_documents: SubmissionDocumentsTable;
  reference_sequences: ReferenceSequencesTable;
  uploads: UploadsTable;
  request_events: RequestEventsTable;
}

export type Db = Kysely<Tables>;
