/**
 * A request's answers changed by the citizen's correction: the request's row rewritten (its
 * answers and the queue facets worked out from them) only if nobody rewrote it since it was
 * read, and each changed answer appended with its value before and after — the request keeps
 * only the latest answers, these rows keep the earlier ones, never edited. Writes take the
 * answer's transaction, so they commit with the task's answer or not at all.
 */
import type { Transaction } from "kysely";
import type { QueueFacets } from "../requests/queue-facets";
import { facetColumns } from "./facet-columns";
import type { Db, RequestAnswerChangesTable, Tables } from "./tables";

export type AnswerChangeRow = RequestAnswerChangesTable;

/** What a correction reads of the request, in its transaction. */
export interface AnsweredRequest {
  readonly flowId: string;
  readonly flowVersion: number;
  readonly reference: string;
  /** As stored: canonical JSON text. */
  readonly answers: string;
}

export class AnswerChangesRepository {
  constructor(private readonly db: Db) {}

  async answered(requestId: string, executor: Transaction<Tables> | Db = this.db) {
    const row = await executor
      .selectFrom("submissions")
      .select(["flow_id", "flow_version", "reference", "answers"])
      .where("id", "=", requestId)
      .executeTakeFirst();
    return (
      row && {
        flowId: row.flow_id,
        flowVersion: Number(row.flow_version),
        reference: row.reference,
        answers: row.answers,
      }
    );
  }

  /** Writes the corrected answers if they are still `before`; false when another write came first. */
  async rewrite(
    trx: Transaction<Tables>,
    requestId: string,
    change: {
      readonly before: AnsweredRequest;
      readonly answers: string;
      readonly facets: QueueFacets;
    },
  ): Promise<boolean> {
    const { facets } = change;
    const updated = await trx
      .updateTable("submissions")
      .set({
        answers: change.answers,
        ...facetColumns(change.before.reference, facets),
      })
      .where("id", "=", requestId)
      .where("answers", "=", change.before.answers)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  async append(trx: Transaction<Tables>, rows: readonly AnswerChangeRow[]): Promise<void> {
    if (rows.length > 0)
      await trx
        .insertInto("request_answer_changes")
        .values([...rows])
        .execute();
  }

  /** A request's changed answers, oldest first. */
  of(requestId: string): Promise<AnswerChangeRow[]> {
    return this.db
      .selectFrom("request_answer_changes")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }
}
