/**
 * The yardstick for durable submissions: the least a Node server can do to keep a request on
 * disk. A bare Hono app and better-sqlite3 (WAL, synchronous=FULL, as ours), reading the same
 * bodies, checking they are JSON, and inserting (id, body); a repeated id answers 200. No flow,
 * no validation, no documents, no reference. Two ways:
 * - "one at a time": each insert is its own transaction, so its own wait for the disk;
 * - "grouped": the inserts that arrive in one burst (the same turn of the event loop) are
 *   written by one transaction, each answered after that commit, as our group commit does.
 * Our figure divided by the grouped one says what the service costs above storing bytes.
 */
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Hono } from "hono";

export type BaselineMode = "one at a time" | "grouped";

export interface BareBaseline {
  readonly app: Hono;
  close(): void;
}

export function bareBaseline(dataDir: string, mode: BaselineMode): BareBaseline {
  const database = new SqliteDatabase(
    join(dataDir, `bare-${mode === "grouped" ? "grouped" : "single"}.sqlite`),
  );
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.exec("create table if not exists submissions (id text primary key, body text not null)");
  const insert = database.prepare(
    "insert into submissions (id, body) values (?, ?) on conflict (id) do nothing",
  );
  const writeOne = (id: string, body: string) => insert.run(id, body).changes === 1;
  const write =
    mode === "grouped"
      ? groupedWriter(database, writeOne)
      : async (id: string, body: string) => writeOne(id, body);

  const app = new Hono();
  app.put("/api/submissions/:id", async (c) => {
    const body = await c.req.text();
    try {
      JSON.parse(body);
    } catch {
      return c.json({ error: { code: "invalid_body" } }, 400);
    }
    const id = c.req.param("id");
    const created = await write(id, body);
    return c.json({ id }, created ? 201 : 200);
  });
  return { app, close: () => database.close() };
}

/** Queues the writes of one turn of the event loop and commits them together at its end. */
function groupedWriter(
  database: SqliteDatabase.Database,
  writeOne: (id: string, body: string) => boolean,
): (id: string, body: string) => Promise<boolean> {
  let queue: {
    id: string;
    body: string;
    done: (created: boolean) => void;
    fail: (error: unknown) => void;
  }[] = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    let results: boolean[];
    try {
      results = database.transaction(() => batch.map(({ id, body }) => writeOne(id, body)))();
    } catch (error) {
      for (const item of batch) item.fail(error);
      return;
    }
    for (const [index, item] of batch.entries()) item.done(results[index] ?? false);
  };
  return (id, body) =>
    new Promise((done, fail) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ id, body, done, fail });
    });
}
