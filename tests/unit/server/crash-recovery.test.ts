/**
 * The whole server process on SQLite, killed with SIGKILL at a random moment while eight clients
 * send requests (documents uploaded, then PUT), restarted on the same DATA_DIR, for several
 * rounds. A client whose request got no answer sends it again after the restart, as the app's
 * outbox does. At the end, every request the server acknowledged is there once, with the
 * reference it was given; no reference is given twice; the SQLite file passes its integrity check.
 * (recording-crash.test.ts kills one process at one chosen point of the transaction; this one
 * kills a loaded server wherever it happens to be.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { SQLITE_FILE_NAME } from "../../../src/server/config";
import { type ServerProcess, startServerProcess } from "../../support/server-process";
import { uploadDocumentsOf } from "./support/documents";
import { validExamples } from "./support/examples";
import { newId } from "./support/requests";

const ROUNDS = 3;
const CLIENTS = 8;
/**
 * Kill this long after the round's first acknowledged request, at random within it: in the
 * middle of uploads, of group commits, of answers on their way.
 */
const KILL_AFTER_MS = { min: 100, max: 1200 };

const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-crash-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Sent {
  readonly id: string;
  readonly body: string;
}

const examples = validExamples();
let exampleIndex = 0;

/** A valid request with its own documents, uploaded to `server`; undefined if the server went away. */
async function prepare(server: ServerProcess): Promise<Sent | undefined> {
  const example = examples[exampleIndex++ % examples.length];
  if (!example) throw new Error("no valid example in flows/examples");
  const { flowId, flowVersion, answers } = example;
  try {
    const uploaded = await uploadDocumentsOf(server, flowId, answers, { size: 512 });
    return { id: newId(), body: JSON.stringify({ flowId, flowVersion, ...uploaded }) };
  } catch {
    return undefined;
  }
}

/** The PUT: the reference if acknowledged, "no answer" if the connection died, or the refusal. */
async function send(server: ServerProcess, sent: Sent): Promise<string | "no answer"> {
  let response: Response;
  try {
    response = await server.request(`/api/submissions/${sent.id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: sent.body,
    });
  } catch {
    return "no answer";
  }
  const text = await response.text().catch(() => undefined);
  if (text === undefined) return "no answer";
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`PUT answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { reference: string }).reference;
}

it("keeps every acknowledged request, once, through SIGKILLs under load", { timeout: 60_000 }, async () => {
  const acknowledged = new Map<string, string>();
  let inDoubt: Sent[] = [];
  let sentCount = 0;
  let resentCount = 0;
  const acknowledge = (id: string, reference: string) => {
    const before = acknowledged.get(id);
    // The same request sent again gets its first receipt, never a second number.
    if (before !== undefined) expect(reference).toBe(before);
    acknowledged.set(id, reference);
  };

  for (let round = 0; round < ROUNDS; round++) {
    const server = await startServerProcess(dataDir);
    // What got no answer before the last kill is sent again first.
    const retried = inDoubt;
    inDoubt = [];
    resentCount += retried.length;
    for (const sent of retried) {
      const outcome = await send(server, sent);
      if (outcome === "no answer") throw new Error(`no answer from a healthy server:\n${server.output()}`);
      acknowledge(sent.id, outcome);
    }
    let killed = false;
    let firstAcknowledged = () => {};
    const flowing = new Promise<void>((done) => {
      firstAcknowledged = done;
    });
    const client = async () => {
      while (!killed) {
        const sent = await prepare(server);
        if (!sent) return;
        sentCount++;
        const outcome = await send(server, sent);
        if (outcome === "no answer") inDoubt.push(sent);
        else {
          acknowledge(sent.id, outcome);
          firstAcknowledged();
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, client));
    await flowing;
    const wait = KILL_AFTER_MS.min + Math.random() * (KILL_AFTER_MS.max - KILL_AFTER_MS.min);
    await new Promise((done) => setTimeout(done, wait));
    killed = true;
    await server.kill();
    await load;
  }

  // The last restart: the doubtful ones are sent again, then everything acknowledged is read back.
  const server = await startServerProcess(dataDir);
  try {
    resentCount += inDoubt.length;
    for (const sent of inDoubt) {
      const outcome = await send(server, sent);
      if (outcome === "no answer") throw new Error(`no answer from a healthy server:\n${server.output()}`);
      acknowledge(sent.id, outcome);
    }
    for (const [id, reference] of acknowledged) {
      const response = await server.request(`/api/submissions/${id}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { reference: string }).reference).toBe(reference);
    }
  } finally {
    await server.stop();
  }

  const file = new SqliteDatabase(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
  try {
    expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
    const rows = file.prepare("select id, reference from submissions").all() as {
      id: string;
      reference: string;
    }[];
    // Nothing recorded that no client sent, nothing sent and answered missing, no number twice.
    expect(new Map(rows.map((row) => [row.id, row.reference]))).toEqual(acknowledged);
    expect(new Set(rows.map((row) => row.reference)).size).toBe(rows.length);
    const linkedTwice = file
      .prepare("select upload_id from submission_documents group by upload_id having count(*) > 1")
      .all();
    expect(linkedTwice).toEqual([]);
  } finally {
    file.close();
  }
  console.log(
    `crash test: ${ROUNDS} SIGKILLs, ${sentCount} requests sent, ${acknowledged.size} recorded (${resentCount} sent again after a kill left them unanswered)`,
  );
  expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS);
});
