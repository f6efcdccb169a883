/**
 * Records a request exactly once. The submission, its reference and the links to its documents
 * are written in one transaction: a crash at any point leaves either nothing or all of it, and
 * the reference counter only moves when the request is kept (no gaps an auditor would question).
 */

import { BatchedLookup } from "./batched-lookup";
import {
  AlreadyRecorded,
  type NewSubmission,
  type Receipt,
  type RecordingBatches,
} from "./recording-batches";
import type { Db } from "./tables";
import { isUniqueViolation } from "./unique-violation";

export type { NewSubmission, Receipt, RecordStep, RepositoryHooks } from "./recording-batches";

export type RecordResult =
  | { readonly outcome: "created" | "replayed"; readonly receipt: Receipt }
  | { readonly outcome: "conflict" }
  | { readonly outcome: "document_in_use"; readonly uploadIds: readonly string[] };

export class SubmissionsRepository {
  private readonly lookup;

  constructor(
    private readonly db: Db,
    private readonly batches: RecordingBatches,
  ) {
    this.lookup = new BatchedLookup(
      db,
      (ids) =>
        db
          .selectFrom("submissions")
          .select(["id", "reference", "received_at", "status", "body_sha256"])
          .where("id", "in", ids),
      (row) => row.id,
    );
  }

  async find(id: string): Promise<(Receipt & { readonly bodySha256: string }) | undefined> {
    const row = (await this.lookup.find([id])).get(id);
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
      const receipt = await this.batches.writeSubmission(submission, now);
      return { outcome: "created", receipt };
    } catch (error) {
      if (!(error instanceof AlreadyRecorded) && !isUniqueViolation(error)) throw error;
      // A concurrent request with the same id won the race: answer as a replay of it.
      const winner = await this.find(submission.id);
      if (winner) return replay(winner, submission);
      return { outcome: "document_in_use", uploadIds: await this.linkedUploads(submission) };
    }
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
