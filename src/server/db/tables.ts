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
  /** What the agents' queues filter on (requests/queue-facets.ts), written with the request. */
  commune: ColumnType<string | null, string | null | undefined, string | null>;
  family_quotient: ColumnType<number | null, number | null | undefined, number | null>;
  household_resources: ColumnType<number | null, number | null | undefined, number | null>;
  ceiling: ColumnType<number | null, number | null | undefined, number | null>;
  /** 1, 0, or null when the flow holds nothing against a ceiling. */
  under_ceiling: ColumnType<number | null, number | null | undefined, number | null>;
  estimate: ColumnType<string | null, string | null | undefined, string | null>;
  applicant_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** Reference and names, normalised (queue-facets.ts searchable). */
  search_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** The staff member following it; null until someone does. */
  assigned_staff_id: ColumnType<string | null, string | null | undefined, string | null>;
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

/**
 * rejected: not of an accepted type; unsafe: a PDF with active content, or encrypted;
 * unreadable: an image the server cannot decode (damaged, or HEIC); too_many_pixels: a
 * decompression bomb. Not more than 16 characters (the column).
 */
export type UploadStatus = "complete" | "rejected" | "unsafe" | "unreadable" | "too_many_pixels";

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

/** A person with an account; see migration 0006 for why each key exists. */
export interface AccountsTable {
  id: string;
  created_at: string;
  /** The normalised email or +687 mobile a code is sent to; null for an OpenID Connect account. */
  code_address: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** JSON text of the provider's claims worth showing (names, birth date, email). */
  profile: string | null;
}

export interface SessionsTable {
  /** Public id, shown in the list of sessions; the token itself is never stored. */
  id: string;
  token_hash: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  /** "Chrome sur Android": a summary of the User-Agent, never the whole string. */
  device: string;
  method: "code" | "oidc";
  id_token: string | null;
}

export interface SignInCodesTable {
  attempt_id: string;
  address: string;
  /** sha256 of the client's address, for the per-client rate limit without keeping the IP. */
  client_key: string;
  code_hash: string;
  created_at: string;
  expires_at: string;
  tries: number;
  used_at: string | null;
}

export interface OidcAttemptsTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  expires_at: string;
}

export interface AccountEventsTable {
  id: string;
  at: string;
  kind: string;
  account_id: string | null;
  address_hint: string | null;
  detail: string | null;
}

export type MessageStatus = "pending" | "sent" | "failed" | "expired";

export interface MessagesTable {
  id: string;
  channel: "email" | "sms";
  /** Emptied once sent: the queue does not keep who was written to. */
  recipient: string;
  subject: string;
  /** Emptied once sent or given up: a sign-in code lives here only until it leaves. */
  body: string;
  status: MessageStatus;
  attempts: number;
  created_at: string;
  next_attempt_at: string;
  /** Set by the process sending it; another process takes it over only after this time. */
  claimed_until: string | null;
  /** A sign-in code is worth nothing after 10 minutes: it is not sent after this. */
  expires_at: string;
  sent_at: string | null;
  last_error: string | null;
}

/** Who created an upload, for the per-client limits; the row goes when the upload is removed. */
export interface UploadClientsTable {
  upload_id: string;
  /** sha256 of the creating connection's address (api/client-key.ts). */
  client_key: string;
  /** The length announced at creation: the most the upload can ever hold. */
  size: number;
  created_at: string;
}

/** A draft kept in the account (migration 0010); `revision` is its compare-and-set counter. */
export interface AccountDraftsTable {
  /** The UUID the device made: the id its request will have. */
  id: string;
  account_id: string;
  flow_id: string;
  flow_version: number;
  /** The answers as JSON text. */
  answers: string;
  step: string | null;
  /** 1 at the first save, one more at each save that started from the one before. */
  revision: number;
  updated_at: string;
}

/** A document of an account's draft: what another device shows, and the upload holding the bytes. */
export interface AccountDraftDocumentsTable {
  draft_id: string;
  position: number;
  field_id: string;
  document_id: string;
  upload_id: string;
  sha256: string;
  name: string;
  size: number;
  type: string;
  /** A small data URL picture, or null. */
  thumbnail: string | null;
}

/** A PC of the connected space, enrolled by a mediator; only the sha256 of its cookie's token is kept. */
export interface PostsTable {
  id: string;
  name: string;
  token_hash: string;
  /** The mediator's staff id. */
  enrolled_by: string;
  created_at: string;
  removed_at: string | null;
  /** Since when a person uses it (first activity after the last "J'ai fini"); null when free. */
  in_use_since: string | null;
  /** The step its person is on and since when: only to count the time spent there when they move on. */
  step_flow_id: string | null;
  step_id: string | null;
  step_since: string | null;
}

export type HelpCallStatus = "waiting" | "coming" | "closed";

/** "Demander de l'aide": which post, where in which procedure, never who nor what they answered. */
export interface HelpCallsTable {
  id: string;
  post_id: string;
  flow_id: string | null;
  step_id: string | null;
  status: HelpCallStatus;
  created_at: string;
  taken_at: string | null;
  closed_at: string | null;
}

/** Anonymous time on each step, from posts: one row per (procedure, step) visit, no post, no person. */
export interface StepVisitsTable {
  flow_id: string;
  step_id: string;
  /** Seconds until the next step or the end; the last step of a session is where the person stopped. */
  seconds: number;
  last_of_session: number;
  day: string;
}

/** A hand-off's ciphertext; the server never holds its key (src/server/handoffs). */
export interface HandoffPackagesTable {
  id: string;
  /** sha256 of the locator: a copy of the database does not give the way to fetch a package. */
  locator_hash: string;
  /** sha256 of the creating client's address, for the per-client limit. */
  client_key: string;
  /** Null once imported. */
  ciphertext: Uint8Array | null;
  size: number;
  created_at: string;
  expires_at: string;
  imported_at: string | null;
}

/** One wrong locator tried by a client. */
export interface HandoffMissesTable {
  id: string;
  client_key: string;
  at: string;
}

/** A member of the province's staff (migration 0011). */
export interface StaffAccountsTable {
  id: string;
  /** Lower-cased and trimmed: the sign-in name. */
  email: string;
  name: string;
  /** Argon2id, PHC string. */
  password_hash: string;
  /** Base32; null until the first sign-in has set the second factor up. */
  totp_secret: string | null;
  /** The last 30-second step whose code was accepted: a code is used once. */
  totp_last_step: number;
  /** JSON text: StaffRole[]. */
  roles: string;
  /** JSON text: flow ids. */
  procedures: string;
  /** 0 or 1. */
  disabled: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
  /** Set at the first sign-in through the staff directory (STAFF_OIDC_*). */
  directory_issuer: string | null;
  directory_subject: string | null;
}

export interface StaffSessionsTable {
  /** sha256 of the cookie's token. */
  id: string;
  staff_id: string;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  /** "password" (and TOTP) or "directory". */
  method: string;
}

export interface StaffPendingSignInsTable {
  /** sha256 of the pending cookie's token. */
  id: string;
  staff_id: string;
  new_totp_secret: string | null;
  expires_at: string;
}

export interface StaffSignInFailuresTable {
  client_key: string;
  at: string;
}

/** An agent's private note on a request: never shown to the citizen. */
export interface RequestNotesTable {
  id: string;
  request_id: string;
  staff_id: string;
  at: string;
  text: string;
}

/** Every read and action of staff on a request, appended in the action's transaction, never edited. */
export interface ProcessingAuditTable {
  id: string;
  at: string;
  staff_id: string;
  session_id: string;
  action: string;
  request_id: string;
  detail: string | null;
}

/** A message about a request, from an agent or from the citizen (client_id: the citizen's device's). */
export interface RequestMessagesTable {
  id: string;
  request_id: string;
  at: string;
  author: "staff" | "citizen";
  staff_id: string | null;
  client_id: string | null;
  text: string;
  /** JSON array of upload ids the citizen joined (an agent's files are in message_attachments). */
  attachments: string;
}

/** A file an agent joined to a message; its bytes are in the document store under `id`. */
export interface MessageAttachmentsTable {
  id: string;
  message_id: string;
  request_id: string;
  position: number;
  /** The agent's file name, cleaned (shared/api/message-attachments.ts). */
  name: string;
  /** Read from the content. */
  type: string;
  /** Of the bytes kept (a photo re-encoded). */
  size: number;
  sha256: string;
}

/** What an agent asks of the citizen, and their answer once it came. */
export interface RequestTasksTable {
  id: string;
  request_id: string;
  at: string;
  staff_id: string;
  kind: "correction" | "documents";
  text: string;
  /** JSON array of the document fields' ids asked for. */
  documents: string;
  answered_at: string | null;
  answer_client_id: string | null;
  /** sha256 of the answer's body: the same client id with another body is a conflict. */
  answer_digest: string | null;
  answer_text: string | null;
  /** agent: asked by staff; later: made at receipt for the documents the person sends later. */
  origin: TaskOrigin;
  /** JSON array of the questions (top-level field ids) a correction asks to change. */
  questions: string;
}

/** One answer a correction changed (migration 0019): appended with the answer, never edited. */
export interface RequestAnswerChangesTable {
  id: string;
  request_id: string;
  task_id: string;
  at: string;
  field_id: string;
  /** The answer before, as JSON text; null when the question had no answer. */
  previous: string | null;
  /** The answer after, as JSON text; null when the person cleared it. */
  corrected: string | null;
}

export type TaskOrigin = "agent" | "later";

export interface Tables {
  accounts: AccountsTable;
  sessions: SessionsTable;
  sign_in_codes: SignInCodesTable;
  oidc_attempts: OidcAttemptsTable;
  account_events: AccountEventsTable;
  messages: MessagesTable;
  submissions: SubmissionsTable;
  submission_documents: SubmissionDocumentsTable;
  reference_sequences: ReferenceSequencesTable;
  uploads: UploadsTable;
  upload_clients: UploadClientsTable;
  request_events: RequestEventsTable;
  posts: PostsTable;
  help_calls: HelpCallsTable;
  step_visits: StepVisitsTable;
  account_drafts: AccountDraftsTable;
  account_draft_documents: AccountDraftDocumentsTable;
  handoff_packages: HandoffPackagesTable;
  handoff_misses: HandoffMissesTable;
  staff_accounts: StaffAccountsTable;
  staff_sessions: StaffSessionsTable;
  staff_pending_sign_ins: StaffPendingSignInsTable;
  staff_sign_in_failures: StaffSignInFailuresTable;
  request_notes: RequestNotesTable;
  processing_audit: ProcessingAuditTable;
  request_messages: RequestMessagesTable;
  request_tasks: RequestTasksTable;
  request_answer_changes: RequestAnswerChangesTable;
  message_attachments: MessageAttachmentsTable;
}

export type Db = Kysely<Tables>;
