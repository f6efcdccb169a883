/**
 * The agents' side of the requests table: filtered, sorted, paginated queues of one procedure,
 * their counts, assignments, private notes and the audit trail. Every query is bound to one
 * procedure (flow id) by its caller, the processing domain, which checks the staff member's
 * procedures first; writes go through `transaction` so an action and its audit entry commit
 * together or not at all.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql, type Transaction } from "kysely";
import type { Db, ProcessingAuditTable, Tables } from "./tables";

export type QueueSort = "received_at" | "reference" | "family_quotient" | "household_resources";

/** One procedure's requests matching every given criterion; absent ones do not filter. */
export interface QueueQuery {
  readonly flowId: string;
  readonly statuses?: readonly string[];
  /** Only those followed by this staff member, or by nobody (null). */
  readonly assignee?: string | null;
  /** ISO instants, from inclusive, to exclusive. */
  readonly receivedFrom?: string;
  readonly receivedBefore?: string;
  readonly commune?: string;
  readonly quotientMin?: number;
  readonly quotientMax?: number;
  readonly underCeiling?: boolean;
  readonly estimate?: string;
  /** Normalised words, each of which the reference or the names must contain. */
  readonly words?: readonly string[];
}

export interface QueueOrder {
  readonly sort: QueueSort;
  readonly direction: "asc" | "desc";
  readonly offset: number;
  readonly limit: number;
}

export interface QueueRow {
  readonly id: string;
  readonly reference: string;
  readonly flowId: string;
  readonly receivedAt: string;
  readonly status: string;
  readonly commune: string | null;
  readonly applicantName: string | null;
  readonly familyQuotient: number | null;
  readonly householdResources: number | null;
  readonly ceiling: number | null;
  readonly underCeiling: boolean | null;
  readonly estimate: string | null;
  readonly assignedStaffId: string | null;
}

export type AuditEntry = Omit<ProcessingAuditTable, "id">;

export interface Note {
  readonly id: string;
  readonly staffId: string;
  readonly at: string;
  readonly text: string;
}

/** The writes an action may make; each takes the action's transaction. */
export interface ProcessingWrites {
  /** Sets who follows the request; false if it is not this procedure's. */
  assign(id: string, flowId: string, staffId: string | null): Promise<boolean>;
  addNote(note: Note & { readonly requestId: string }): Promise<void>;
  audit(entries: readonly AuditEntry[]): Promise<void>;
}

export interface ProcessingHooks {
  /** Called inside an action's transaction just before its commit; throwing rolls it back. */
  beforeCommit?(): void | Promise<void>;
}

type Submissions = ExpressionBuilder<Tables, "submissions">;

export class ProcessingRepository {
  constructor(
    private readonly db: Db,
    private readonly hooks: ProcessingHooks = {},
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  async page(query: QueueQuery, order: QueueOrder): Promise<{ rows: QueueRow[]; total: number }> {
    const filtered = this.db.selectFrom("submissions").where((eb) => matching(eb, query));
    const [rows, count] = await Promise.all([
      filtered
        .select(QUEUE_COLUMNS)
        .orderBy(order.sort, order.direction)
        .orderBy("id", order.direction)
        .offset(order.offset)
        .limit(order.limit)
        .execute(),
      filtered.select((eb) => eb.fn.countAll<number | string>().as("total")).executeTakeFirst(),
    ]);
    return { rows: rows.map(queueRowOf), total: Number(count?.total ?? 0) };
  }

  /** How many of a procedure's requests are in each status, and of those how many `staffId` follows. */
  async counts(flowId: string, staffId: string): Promise<{ status: string; mine: boolean; count: number }[]> {
    const rows = await this.db
      .selectFrom("submissions")
      .select((eb) => [
        "status",
        eb.case().when("assigned_staff_id", "=", staffId).then(1).else(0).end().as("mine"),
        eb.fn.countAll<number | string>().as("count"),
      ])
      .where("flow_id", "=", flowId)
      .groupBy(["status", sql`2`])
      .execute();
    return rows.map((row) => ({
      status: row.status,
      mine: Number(row.mine) === 1,
      count: Number(row.count),
    }));
  }

  /** The ids matching a queue's filters, at most `limit`: what a bulk action works on. */
  async ids(query: QueueQuery, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("submissions")
      .select("id")
      .where((eb) => matching(eb, query))
      .orderBy("received_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async request(
    id: string,
  ): Promise<(QueueRow & { readonly answers: string; readonly flowVersion: number }) | undefined> {
    const row = await this.db
      .selectFrom("submissions")
      .select([...QUEUE_COLUMNS, "answers", "flow_version"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row && { ...queueRowOf(row), answers: row.answers, flowVersion: Number(row.flow_version) };
  }

  async notes(requestId: string): Promise<Note[]> {
    const rows = await this.db
      .selectFrom("request_notes")
      .select(["id", "staff_id", "at", "text"])
      .where("request_id", "=", requestId)
      .orderBy("at")
      .orderBy("id")
      .execute();
    return rows.map((row) => ({ id: row.id, staffId: row.staff_id, at: row.at, text: row.text }));
  }

  async audit(requestId: string): Promise<(AuditEntry & { readonly id: string })[]> {
    return this.db
      .selectFrom("processing_audit")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }

  /** Runs `work` in one transaction with the writes it may make. */
  transaction<T>(work: (writes: ProcessingWrites) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await work(this.writes(trx));
      await this.hooks.beforeCommit?.();
      return result;
    });
  }

  /** The writes, inside a transaction somebody else opened (a status change's). */
  writes(trx: Transaction<Tables>): ProcessingWrites {
    return {
      assign: async (id, flowId, staffId) => {
        const updated = await trx
          .updateTable("submissions")
          .set({ assigned_staff_id: staffId })
          .where("id", "=", id)
          .where("flow_id", "=", flowId)
          .executeTakeFirst();
        return Number(updated.numUpdatedRows) === 1;
      },
      addNote: async (note) => {
        await trx
          .insertInto("request_notes")
          .values({
            id: note.id,
            request_id: note.requestId,
            staff_id: note.staffId,
            at: note.at,
            text: note.text,
          })
          .execute();
      },
      audit: async (entries) => {
        // 7 values a row: a few hundred rows a statement stays under every database's limit.
        for (let start = 0; start < entries.length; start += 500)
          await trx
            .insertInto("processing_audit")
            .values(entries.slice(start, start + 500).map((entry) => ({ id: this.newId(), ...entry })))
            .execute();
      },
    };
  }

  /** Before-commit check for status changes, which run in the requests domain's transaction. */
  async beforeCommit(): Promise<void> {
    await this.hooks.beforeCommit?.();
  }
}

const QUEUE_COLUMNS = [
  "id",
  "reference",
  "flow_id",
  "received_at",
  "status",
  "commune",
  "applicant_name",
  "family_quotient",
  "household_resources",
  "ceiling",
  "under_ceiling",
  "estimate",
  "assigned_staff_id",
] as const;

function matching(eb: Submissions, query: QueueQuery) {
  const and: Expression<SqlBool>[] = [eb("flow_id", "=", query.flowId)];
  if (query.statuses) and.push(eb("status", "in", query.statuses.length > 0 ? query.statuses : [""]));
  if (query.assignee === null) and.push(eb("assigned_staff_id", "is", null));
  else if (query.assignee !== undefined) and.push(eb("assigned_staff_id", "=", query.assignee));
  if (query.receivedFrom !== undefined) and.push(eb("received_at", ">=", query.receivedFrom));
  if (query.receivedBefore !== undefined) and.push(eb("received_at", "<", query.receivedBefore));
  if (query.commune !== undefined) and.push(eb("commune", "=", query.commune));
  if (query.quotientMin !== undefined) and.push(eb("family_quotient", ">=", query.quotientMin));
  if (query.quotientMax !== undefined) and.push(eb("family_quotient", "<=", query.quotientMax));
  if (query.underCeiling !== undefined) and.push(eb("under_ceiling", "=", query.underCeiling ? 1 : 0));
  if (query.estimate !== undefined) and.push(eb("estimate", "=", query.estimate));
  for (const word of query.words ?? [])
    and.push(sql<boolean>`${eb.ref("search_text")} like ${`%${escapeLike(word)}%`} escape '\\'`);
  return eb.and(and);
}

const escapeLike = (word: string): string => word.replace(/[\\%_]/g, (c) => `\\${c}`);

function queueRowOf(row: {
  id: string;
  reference: string;
  flow_id: string;
  received_at: string;
  status: string;
  commune: string | null;
  applicant_name: string | null;
  family_quotient: number | null;
  household_resources: number | null;
  ceiling: number | null;
  under_ceiling: number | null;
  estimate: string | null;
  assigned_staff_id: string | null;
}): QueueRow {
  return {
    id: row.id,
    reference: row.reference,
    flowId: row.flow_id,
    receivedAt: row.received_at,
    status: row.status,
    commune: row.commune,
    applicantName: row.applicant_name,
    familyQuotient: nullableNumber(row.family_quotient),
    householdResources: nullableNumber(row.household_resources),
    ceiling: nullableNumber(row.ceiling),
    underCeiling: row.under_ceiling === null ? null : Number(row.under_ceiling) === 1,
    estimate: row.estimate,
    assignedStaffId: row.assigned_staff_id,
  };
}

const nullableNumber = (value: number | null): number | null => (value === null ? null : Number(value));
