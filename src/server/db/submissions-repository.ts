/**
 * Records a request exactly once. The submission, its reference and the links to its documents
 * are written in one transaction: a crash at any point leaves either nothing or all of it, and
 * the reference counter only moves when the request is kept (no gaps an auditor would question).
 */
import type { Transaction } from "kysely";
import { yearInNoumea } from "./noumea-time";
import type { Db, Tables } from "./tables";
import type { TransactionRunner } from "./transactions";
import { isUniqueViolation } from "./unique-violation";

export interface DocumentLink {
  readonly fieldId: string;
  readonly uploadId: string;
  readonly sha256: string;
  readonly size: number;
  readonly type: string;
}

export interface NewSubmission {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly referencePrefix: string;
  readonly bodySha256: string;
  /** The answers as JSON text. */
  readonly answers: string;
  readonly documents: readonly DocumentLink[];
}

export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: string;
  readonly status: string;
}

export type RecordResult =
  | { readonly outcome: "created" | "replayed"; readonly receipt: Receipt }
  | { readonly outcome: "conflict" }
  | { readonly outcome: "document_in_use"; readonly uploadIds: readonly string[] };

/** The writes of one recording, in order; tests stop the transaction after any of them. */
export type RecordStep = "documents" | "reference" | "submission";

export interface RepositoryHooks {
  /** Called inside the transaction after each write. Throwing rolls everything back. */
  afterWrite?(step: RecordStep): void | Promise<void>;
}

export const RECEIVED = "received";

/** Thrown inside the transaction to undo it when another request already recorded this id. */
class AlreadyRecorded extends Error {}

export class SubmissionsRepository {
  constructor(
    private readonly db: Db,
    private readonly transactions: TransactionRunner,
    private readonly hooks: RepositoryHooks = {},
  ) {}

  async find(id: string): Promise<(Receipt & { readonly bodySha256: string }) | undefined> {
    const row = await this.db
      .selectFrom("submissions")
      .select(["id", "reference", "received_at", "status", "body_sha256"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && { ...receiptOf(row), bodySha256: row.body_sha256 };
  }

  /**
   * Records the request, or says why not. `checkedNew` skips the first look-up when the caller
   * has just made it; a concurrent twin is still caught by the insert.
   */
  async record(
    submission: NewSubmission,
    options: { now?: Date; checkedNew?: boolean } = {},
  ): Promise<RecordResult> {
    const now = options.now ?? new Date();
    const existing = options.checkedNew ? undefined : await this.find(submission.id);
    if (existing) return replay(existing, submission);
    try {
      const receipt = await this.transactions.run((trx) => this.insert(trx, submission, now));
      return { outcome: "created", receipt };
    } catch (error) {
      if (!(error instanceof AlreadyRecorded) && !isUniqueViolation(error)) throw error;
      // A concurrent request with the same id won the race: answer as a replay of it.
      const winner = await this.find(submission.id);
      if (winner) return replay(winner, submission);
      return { outcome: "document_in_use", uploadIds: await this.linkedUploads(submission) };
    }
  }

  /**
   * The reference counter is a hot row: every request of the procedure waits for its lock, held
   * until the commit. So it is taken last: the document links first (their foreign key is
   * checked at commit), then the number, then the submission row that carries it.
   */
  private async insert(trx: Transaction<Tables>, submission: NewSubmission, now: Date): Promise<Receipt> {
    const receivedAt = now.toISOString();
    if (submission.documents.length > 0) {
      await trx
        .insertInto("submission_documents")
        .values(
          submission.documents.map((doc, position) => ({
            submission_id: submission.id,
            position,
            field_id: doc.fieldId,
            upload_id: doc.uploadId,
            sha256: doc.sha256,
            size: doc.size,
            type: doc.type,
          })),
        )
        .execute();
    }
    await this.hooks.afterWrite?.("documents");
    const reference = await nextReference(trx, submission.referencePrefix, yearInNoumea(now));
    await this.hooks.afterWrite?.("reference");
    const inserted = await trx
      .insertInto("submissions")
      .values({
        id: submission.id,
        flow_id: submission.flowId,
        flow_version: submission.flowVersion,
        reference,
        body_sha256: submission.bodySha256,
        answers: submission.answers,
        received_at: receivedAt,
        status: RECEIVED,
      })
      // PostgreSQL waits here for a concurrent insert of the same id, then skips: no error to parse.
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw new AlreadyRecorded();
    await this.hooks.afterWrite?.("submission");
    return { id: submission.id, reference, receivedAt, status: RECEIVED };
  }

  /** The uploads of this request that another request already holds. */
  private async linkedUploads(submission: NewSubmission): Promise<string[]> {
    const ids = submission.documents.map((doc) => doc.uploadId);
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom("submission_documents")
      .select("upload_id")
      .where("upload_id", "in", ids)
      .execute();
    const taken = new Set(rows.map((row) => row.upload_id));
    return ids.filter((id) => taken.has(id));
  }
}

/**
 * The next number for this prefix and year, taken with one upsert: the row lock it takes (on both
 * databases) makes concurrent requests queue for it, and a rolled back request gives its number back.
 */
async function nextReference(trx: Transaction<Tables>, prefix: string, year: number): Promise<string> {
  const row = await trx
    .insertInto("reference_sequences")
    .values({ prefix, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(["prefix", "year"])
        .doUpdateSet((eb) => ({ last_value: eb("reference_sequences.last_value", "+", 1) })),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last_value).padStart(6, "0")}`;
}

function replay(
  existing: Receipt & { readonly bodySha256: string },
  submission: NewSubmission,
): RecordResult {
  if (existing.bodySha256 !== submission.bodySha256) return { outcome: "conflict" };
  const { bodySha256: _, ...receipt } = existing;
  return { outcome: "replayed", receipt };
}

function receiptOf(row: { id: string; reference: string; received_at: string; status: string }): Receipt {
  return { id: row.id, reference: row.reference, receivedAt: row.received_at, status: row.status };
}
