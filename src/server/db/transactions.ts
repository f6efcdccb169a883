/**
 * How a recording's transaction runs. PostgreSQL: one transaction per request, several at once
 * on the pool. SQLite: one writer, and each commit waits for the disk (synchronous=FULL), so
 * requests that arrive while a commit is under way are recorded together in the next
 * transaction, each inside its own savepoint ("group commit"): a failing request is rolled back
 * alone, the others share one trip to the disk, and nobody is answered before that trip is
 * over. A crash before the commit loses the whole group, and none of it was acknowledged.
 */
import { sql, type Transaction } from "kysely";
import type { Db, Tables } from "./tables";

export type Work<T> = (trx: Transaction<Tables>) => Promise<T>;

export interface TransactionRunner {
  run<T>(work: Work<T>): Promise<T>;
}

export function oneTransactionEach(db: Db): TransactionRunner {
  return { run: (work) => db.transaction().execute(work) };
}

/** Enough to keep a commit's latency small when many requests arrive at once. */
const MAX_GROUP = 64;

interface Queued {
  readonly work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: unknown };

export class GroupCommit implements TransactionRunner {
  private readonly queue: Queued[] = [];
  private draining = false;

  constructor(private readonly db: Db) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        const outcomes: Outcome[] = [];
        try {
          await this.db.transaction().execute(async (trx) => {
            // Alone in its group, a request needs no savepoint: its failure rolls back the transaction.
            if (group.length === 1 && group[0]) outcomes.push({ ok: true, value: await group[0].work(trx) });
            else for (const item of group) outcomes.push(await attempt(trx, item.work));
          });
        } catch (error) {
          // The commit itself failed: nothing of the group was kept.
          for (const item of group) item.reject(error);
          continue;
        }
        group.forEach((item, i) => {
          const outcome = outcomes[i];
          if (outcome?.ok) item.resolve(outcome.value);
          else item.reject(outcome?.error);
        });
      }
    } finally {
      this.draining = false;
    }
  }
}

async function attempt(trx: Transaction<Tables>, work: Work<unknown>): Promise<Outcome> {
  await sql`savepoint request`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release savepoint request`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to savepoint request`.execute(trx);
    await sql`release savepoint request`.execute(trx);
    return { ok: false, error };
  }
}
