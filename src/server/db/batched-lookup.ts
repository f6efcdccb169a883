/**
 * Reads rows by key for every request under way at once: the keys asked for during one turn of
 * the event loop are read with a single `where key in (…)` query. On PostgreSQL each query is a
 * round trip that costs the server more than the request's own work, so concurrent requests
 * share it; on SQLite it saves building and running a statement per request.
 */
import type { Compilable } from "kysely";
import { type ReusableQuery, reusableQuery, type ValuePlaceholder } from "./reusable-query";
import type { Db } from "./tables";

/** Lists of keys are padded to one of these lengths (repeating a key changes nothing), so few queries are ever built. */
const SIZES = [1, 4, 16, 64];

interface Waiting<Row> {
  readonly keys: readonly string[];
  resolve(rows: ReadonlyMap<string, Row>): void;
  reject(error: unknown): void;
}

export class BatchedLookup<Row> {
  private readonly queries = new Map<number, ReusableQuery<Row>>();
  private waiting: Waiting<Row>[] = [];

  /** `build` makes the query for `keys` placeholders; `keyOf` tells which key a row answers. */
  constructor(
    private readonly db: Db,
    private readonly build: (keys: string[]) => Compilable<Row>,
    private readonly keyOf: (row: Row) => string,
  ) {}

  /** The rows found for these keys, by key; a key with no row is absent. */
  find(keys: readonly string[]): Promise<ReadonlyMap<string, Row>> {
    if (keys.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => void this.flush());
      this.waiting.push({ keys, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = [];
    try {
      const keys = [...new Set(waiting.flatMap((w) => w.keys))];
      const found = new Map<string, Row>();
      for (let start = 0; start < keys.length; start += SIZES.at(-1) as number) {
        const part = keys.slice(start, start + (SIZES.at(-1) as number));
        const size = SIZES.find((s) => s >= part.length) as number;
        const padded = [...part, ...Array<string>(size - part.length).fill(part[0] as string)];
        const { rows } = await this.db.executeQuery(this.query(size)(padded));
        for (const row of rows) found.set(this.keyOf(row), row);
      }
      for (const w of waiting) {
        const own = new Map<string, Row>();
        for (const key of w.keys) {
          const row = found.get(key);
          if (row) own.set(key, row);
        }
        w.resolve(own);
      }
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }

  private query(size: number): ReusableQuery<Row> {
    const known = this.queries.get(size);
    if (known) return known;
    const made = reusableQuery((value: ValuePlaceholder) =>
      this.build(Array.from({ length: size }, (_, i) => value<string>(i))),
    );
    this.queries.set(size, made);
    return made;
  }
}
