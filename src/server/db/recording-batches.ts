/**
 * Writes requests, and what the server learnt about finished uploads, to the database in
 * batches ("group commit"), on SQLite and PostgreSQL alike.
 * Each commit waits for the disk (SQLite synchronous=FULL, PostgreSQL synchronous_commit), and
 * every request of a procedure waits for the same reference counter, locked until the commit.
 * So the requests that arrive while a batch is being written wait for the next one, written by
 * one transaction: one trip to the disk and one turn at the counter for all of them, and a few
 * statements whatever their number. Nobody is answered before the commit that holds their own
 * request is over; a crash before it loses the whole batch, none of it acknowledged.
 *
 * When a batch fails (a request already recorded under its id, a document already joined to
 * another request, the database going away…), each of its requests is written again alone, in
 * its own transaction, so one request's problem is never another's.
 */
import type { Transaction } from "kysely";
import { type QueueFacets, searchTextOf } from "../requests/queue-facets";
import { yearInNoumea } from "./noumea-time";
import { type ReusableQuery, reusableQuery } from "./reusable-query";
import type { Db, RequestTasksTable, Tables, UploadsTable } from "./tables";
import { retryTransient } from "./transient-failure";

interface DocumentLink {
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
  /** What the agents' queues filter on, kept in the request's row. */
  readonly facets: QueueFacets;
  /**
   * The documents the person will send later (field ids), with the words of the task that waits
   * for them: written with the request, so they are asked exactly once from the moment it exists.
   */
  readonly later?: { readonly fieldIds: readonly string[]; readonly text: string };
}

export interface Receipt {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: string;
  readonly status: string;
}

const RECEIVED = "received";

/** The writes of one recording, in order; tests stop the transaction after any of them. */
export type RecordStep = "documents" | "reference" | "submission";

export interface RepositoryHooks {
  /** Called inside the transaction after each write. Throwing rolls everything back. */
  afterWrite?(step: RecordStep): void | Promise<void>;
}

/** Thrown to undo a transaction when a request of it was already recorded under its id. */
export class AlreadyRecorded extends Error {}

/** Enough for a commit's latency to stay small when many requests arrive at once. */
const MAX_WRITES = 64;
/** Keeps a commit short when requests carry many documents (each statement has at most 64 rows). */
const MAX_DOCUMENTS = 2000;

/** A request to record, or what the server learnt about a finished upload. */
type Write =
  | { readonly kind: "submission"; readonly submission: NewSubmission; readonly now: Date }
  | { readonly kind: "upload"; readonly row: UploadsTable };

type Pending = Write & {
  resolve(receipt: Receipt | undefined): void;
  reject(error: unknown): void;
};

export class RecordingBatches {
  private readonly queue: Pending[] = [];
  private draining = false;
  private readonly queries: BatchQueries;

  constructor(
    private readonly db: Db,
    private readonly hooks: RepositoryHooks = {},
  ) {
    this.queries = new BatchQueries(db);
  }

  /** Resolves once the request is committed; rejects with the reason it was not. */
  writeSubmission(submission: NewSubmission, now: Date): Promise<Receipt> {
    return this.enqueue({ kind: "submission", submission, now }) as Promise<Receipt>;
  }

  /** Records an upload, or replaces what was recorded of it; resolves once committed. */
  async writeUpload(row: UploadsTable): Promise<void> {
    await this.enqueue({ kind: "upload", row });
  }

  private enqueue(write: Write): Promise<Receipt | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...write, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // Let the requests already under way in this turn of the event loop join the first batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          const results = await this.transaction(batch);
          batch.forEach((pending, i) => {
            pending.resolve(results[i]);
          });
        } catch (error) {
          if (batch.length === 1) batch[0]?.reject(error);
          else for (const pending of batch) await this.writeAlone(pending);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private takeBatch(): Pending[] {
    let documents = 0;
    let count = 0;
    for (const pending of this.queue) {
      documents += pending.kind === "submission" ? pending.submission.documents.length : 1;
      if (count > 0 && (count === MAX_WRITES || documents > MAX_DOCUMENTS)) break;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async writeAlone(pending: Pending): Promise<void> {
    try {
      const [result] = await this.transaction([pending]);
      pending.resolve(result);
    } catch (error) {
      pending.reject(error);
    }
  }

  /** One transaction for the batch, run again when PostgreSQL gave it up to break a deadlock. */
  private transaction(batch: readonly Pending[]): Promise<(Receipt | undefined)[]> {
    return retryTransient(() => this.db.transaction().execute((trx) => this.insert(trx, batch)));
  }

  /**
   * Each write's result, in the batch's order: a receipt for each request. Rows are locked in
   * one order whatever the order of the requests — uploads and document links by upload id,
   * counters by prefix and year, requests by id — so two transactions sharing rows queue instead of deadlocking.
   */
  private async insert(
    trx: Transaction<Tables>,
    batch: readonly Pending[],
  ): Promise<(Receipt | undefined)[]> {
    // The same upload twice in one statement is an error on PostgreSQL: the last word is kept.
    const uploads = new Map<string, UploadsTable>();
    for (const pending of batch) if (pending.kind === "upload") uploads.set(pending.row.id, pending.row);
    const sortedUploads = [...uploads.values()].sort((a, b) => compare(a.id, b.id));
    for (const rows of chunks(sortedUploads.map(uploadValues)))
      await trx.executeQuery(this.queries.uploads(rows.length)(rows.flat()));
    const requests = batch.flatMap((pending) => (pending.kind === "submission" ? [pending] : []));
    const receipts = requests.length > 0 ? await this.insertRequests(trx, requests) : [];
    return batch.map((pending) => (pending.kind === "submission" ? receipts.shift() : undefined));
  }

  /**
   * The reference counters are hot rows, locked until the commit, so they are taken last: the
   * document links first (their foreign key to the request is checked at commit), then the
   * numbers, then the requests that carry them.
   */
  private async insertRequests(
    trx: Transaction<Tables>,
    batch: readonly { readonly submission: NewSubmission; readonly now: Date }[],
  ): Promise<Receipt[]> {
    const links = batch
      .flatMap(({ submission }) =>
        submission.documents.map((doc, position) => [
          submission.id,
          position,
          doc.fieldId,
          doc.uploadId,
          doc.sha256,
          doc.size,
          doc.type,
        ]),
      )
      .sort((a, b) => compare(a[3] as string, b[3] as string));
    for (const rows of chunks(links)) await trx.executeQuery(this.queries.links(rows.length)(rows.flat()));
    await this.hooks.afterWrite?.("documents");
    const references = await this.takeReferences(trx, batch);
    await this.hooks.afterWrite?.("reference");
    const receipts = batch.map(
      ({ submission, now }, i): Receipt => ({
        id: submission.id,
        reference: references[i] as string,
        receivedAt: now.toISOString(),
        status: RECEIVED,
      }),
    );
    const rows = batch
      .map(({ submission }, i) => [
        submission.id,
        submission.flowId,
        submission.flowVersion,
        receipts[i]?.reference,
        submission.bodySha256,
        submission.answers,
        receipts[i]?.receivedAt,
        RECEIVED,
        ...facetValues(submission.facets, references[i] as string),
      ])
      .sort((a, b) => compare(a[0] as string, b[0] as string));
    let inserted = 0;
    for (const chunk of chunks(rows))
      inserted += (await trx.executeQuery(this.queries.submissions(chunk.length)(chunk.flat()))).rows.length;
    if (inserted !== batch.length) throw new AlreadyRecorded();
    const laterTasks = batch.flatMap(({ submission }, i) =>
      submission.later ? [laterTask(submission.id, submission.later, receipts[i]?.receivedAt as string)] : [],
    );
    // Rare (a document marked "later"): one plain statement for the batch, none most of the time.
    if (laterTasks.length > 0) await trx.insertInto("request_tasks").values(laterTasks).execute();
    await this.hooks.afterWrite?.("submission");
    return receipts;
  }

  /**
   * The next numbers, one per request, in the batch's order: each counter (a procedure's prefix
   * and year) is moved once by the number of its requests, with one upsert whose row lock makes
   * concurrent transactions queue for it; a rolled back transaction gives its numbers back.
   */
  private async takeReferences(
    trx: Transaction<Tables>,
    batch: readonly { readonly submission: NewSubmission; readonly now: Date }[],
  ): Promise<string[]> {
    const counters = new Map<string, { prefix: string; year: number; indexes: number[] }>();
    batch.forEach(({ submission, now }, i) => {
      const year = yearInNoumea(now);
      const key = `${submission.referencePrefix}-${year}`;
      const counter = counters.get(key) ?? { prefix: submission.referencePrefix, year, indexes: [] };
      counter.indexes.push(i);
      counters.set(key, counter);
    });
    const references: string[] = [];
    const ordered = [...counters.entries()].sort(([a], [b]) => compare(a, b));
    for (const [, { prefix, year, indexes }] of ordered) {
      const count = indexes.length;
      const { rows } = await trx.executeQuery(this.queries.nextNumbers([prefix, year, count]));
      const first = (rows[0]?.last_value ?? Number.NaN) - count + 1;
      indexes.forEach((index, k) => {
        references[index] = `${prefix}-${year}-${String(first + k).padStart(6, "0")}`;
      });
    }
    return references;
  }
}

/** The task a request carries from its receipt for its documents still due; nobody on staff asked it. */
function laterTask(
  requestId: string,
  later: NonNullable<NewSubmission["later"]>,
  at: string,
): RequestTasksTable {
  return {
    id: crypto.randomUUID(),
    request_id: requestId,
    at,
    staff_id: "",
    kind: "documents",
    text: later.text,
    documents: JSON.stringify(later.fieldIds),
    answered_at: null,
    answer_client_id: null,
    answer_digest: null,
    answer_text: null,
    origin: "later",
    questions: "[]",
  };
}

/** Rows per insert statement: a batch is cut into chunks of these sizes, so few statements are ever compiled. */
const CHUNK_SIZES = [64, 16, 4, 1];

function chunks<T>(rows: readonly T[]): T[][] {
  const result: T[][] = [];
  let start = 0;
  while (start < rows.length) {
    const size = CHUNK_SIZES.find((s) => s <= rows.length - start) ?? 1;
    result.push(rows.slice(start, start + size));
    start += size;
  }
  return result;
}

/** The batch's statements, built once per number of rows. */
class BatchQueries {
  private readonly uploadQueries = new Map<number, ReusableQuery<unknown>>();
  private readonly linkQueries = new Map<number, ReusableQuery<unknown>>();
  private readonly submissionQueries = new Map<number, ReusableQuery<{ id: string }>>();
  readonly nextNumbers: ReusableQuery<{ last_value: number }>;

  constructor(private readonly db: Db) {
    this.nextNumbers = reusableQuery((value) =>
      db
        .insertInto("reference_sequences")
        .values({ prefix: value(0), year: value(1), last_value: value(2) })
        .onConflict((oc) =>
          oc.columns(["prefix", "year"]).doUpdateSet((eb) => ({
            last_value: eb("reference_sequences.last_value", "+", value<number>(2)),
          })),
        )
        .returning("last_value"),
    );
  }

  uploads(count: number): ReusableQuery<unknown> {
    return cached(this.uploadQueries, count, () =>
      reusableQuery((value) =>
        this.db
          .insertInto("uploads")
          .values(
            Array.from({ length: count }, (_, i) => ({
              id: value(8 * i),
              flow_id: value(8 * i + 1),
              field_id: value(8 * i + 2),
              size: value(8 * i + 3),
              sha256: value(8 * i + 4),
              type: value(8 * i + 5),
              status: value(8 * i + 6),
              recorded_at: value(8 * i + 7),
            })),
          )
          .onConflict((oc) =>
            oc.column("id").doUpdateSet((eb) => ({
              flow_id: eb.ref("excluded.flow_id"),
              field_id: eb.ref("excluded.field_id"),
              size: eb.ref("excluded.size"),
              sha256: eb.ref("excluded.sha256"),
              type: eb.ref("excluded.type"),
              status: eb.ref("excluded.status"),
              recorded_at: eb.ref("excluded.recorded_at"),
            })),
          ),
      ),
    );
  }

  links(count: number): ReusableQuery<unknown> {
    return cached(this.linkQueries, count, () =>
      reusableQuery((value) =>
        this.db.insertInto("submission_documents").values(
          Array.from({ length: count }, (_, i) => ({
            submission_id: value(7 * i),
            position: value(7 * i + 1),
            field_id: value(7 * i + 2),
            upload_id: value(7 * i + 3),
            sha256: value(7 * i + 4),
            size: value(7 * i + 5),
            type: value(7 * i + 6),
          })),
        ),
      ),
    );
  }

  submissions(count: number): ReusableQuery<{ id: string }> {
    return cached(this.submissionQueries, count, () =>
      reusableQuery((value) =>
        this.db
          .insertInto("submissions")
          .values(
            Array.from({ length: count }, (_, i) => ({
              id: value(SUBMISSION_VALUES * i),
              flow_id: value(SUBMISSION_VALUES * i + 1),
              flow_version: value(SUBMISSION_VALUES * i + 2),
              reference: value(SUBMISSION_VALUES * i + 3),
              body_sha256: value(SUBMISSION_VALUES * i + 4),
              answers: value(SUBMISSION_VALUES * i + 5),
              received_at: value(SUBMISSION_VALUES * i + 6),
              status: value(SUBMISSION_VALUES * i + 7),
              commune: value(SUBMISSION_VALUES * i + 8),
              family_quotient: value(SUBMISSION_VALUES * i + 9),
              household_resources: value(SUBMISSION_VALUES * i + 10),
              ceiling: value(SUBMISSION_VALUES * i + 11),
              under_ceiling: value(SUBMISSION_VALUES * i + 12),
              estimate: value(SUBMISSION_VALUES * i + 13),
              applicant_name: value(SUBMISSION_VALUES * i + 14),
              search_text: value(SUBMISSION_VALUES * i + 15),
            })),
          )
          // PostgreSQL waits here for a concurrent insert of the same id, then skips: no error to parse.
          .onConflict((oc) => oc.column("id").doNothing())
          .returning("id"),
      ),
    );
  }
}

/** Code-unit order, the same in every process whatever its locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Columns of one request's row: eight of the request, eight of its queue facets. */
const SUBMISSION_VALUES = 16;

function facetValues(facets: QueueFacets, reference: string): unknown[] {
  return [
    facets.commune,
    facets.familyQuotient,
    facets.householdResources,
    facets.ceiling,
    facets.underCeiling === null ? null : facets.underCeiling ? 1 : 0,
    facets.estimate,
    facets.applicantName,
    searchTextOf(reference, facets.applicantName),
  ];
}

function uploadValues(row: UploadsTable): unknown[] {
  return [row.id, row.flow_id, row.field_id, row.size, row.sha256, row.type, row.status, row.recorded_at];
}

function cached<T>(map: Map<number, T>, key: number, make: () => T): T {
  const known = map.get(key);
  if (known) return known;
  const made = make();
  map.set(key, made);
  return made;
}
