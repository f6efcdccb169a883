/**
 * Two server processes behind one proxy: one PostgreSQL schema, one documents directory (the
 * same DATA_DIR), started at the same time (both migrate). Clients upload their documents to
 * one process and send the request to the other, as a proxy without sticky sessions would
 * spread them, and the same request is sent to both at once, as a retry after a lost answer may
 * land. Nothing is lost, nothing recorded twice, no reference given twice nor skipped, never a 5xx. The
 * cleanup of expired uploads, which every process runs, is run twice at once on one directory.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeExpiredUploads } from "../../../src/server/documents/expired-uploads";
import { FileDocumentStore } from "../../../src/server/documents/file-document-store";
import { UPLOAD_EXPIRATION_MS } from "../../../src/server/services";
import { type ServerProcess, startServerProcess } from "../../support/server-process";
import { POSTGRES_SKIPPED } from "./support/databases";
import { documentBytes, TUS, uploadDocumentsOf, uploadMetadata, uploadWhole } from "./support/documents";
import { validExamples } from "./support/examples";
import { newId } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

const POSTGRES_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
const REQUESTS = 48;
const SENT_TO_BOTH = 16;
const CONCURRENCY = 8;

if (!POSTGRES_URL) describe.skip(`two processes on one database: ${POSTGRES_SKIPPED}`, () => {});

describe.runIf(POSTGRES_URL)("two server processes on one PostgreSQL and one documents directory", () => {
  const url = POSTGRES_URL ?? "";
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-scale-out-"));
  const statuses: number[] = [];
  let servers: [ServerProcess, ServerProcess];

  beforeAll(async () => {
    await admin(url, `CREATE SCHEMA ${schema}`);
    // The schema through the URL, as an operator would name it (search_path), for both processes.
    const database = new URL(url);
    database.searchParams.set("options", `-c search_path=${schema}`);
    const env = { DATABASE_URL: database.toString() };
    const [a, b] = await Promise.all([startServerProcess(dataDir, env), startServerProcess(dataDir, env)]);
    servers = [a, b];
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers?.map((server) => server.stop()) ?? []);
    await admin(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Records every status: the test fails on any 5xx, wherever it came from. */
  async function call(server: ServerProcess, path: string, init?: RequestInit): Promise<Response> {
    const response = await server.request(path, init);
    statuses.push(response.status);
    return response;
  }

  const tracked = (server: ServerProcess) => ({
    request: (path: string, init?: RequestInit) => call(server, path, init),
  });

  let exampleIndex = 0;
  /** A valid request whose documents were uploaded to `uploadTo`. */
  async function prepare(uploadTo: ServerProcess) {
    const examples = validExamples();
    const example = examples[exampleIndex++ % examples.length];
    if (!example) throw new Error("no valid example in flows/examples");
    const uploaded = await uploadDocumentsOf(tracked(uploadTo), example.flowId, example.answers, {
      size: 512,
    });
    const { flowId, flowVersion } = example;
    return { id: newId(), body: JSON.stringify({ flowId, flowVersion, ...uploaded }) };
  }

  const put = (server: ServerProcess, id: string, body: string) =>
    call(server, `/api/submissions/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body,
    });

  it("records each request once, whichever process gets its documents and its PUT, even both at once", {
    timeout: 60_000,
  }, async () => {
    const [a, b] = servers;
    const references = new Map<string, string>();
    let next = 0;
    const worker = async () => {
      while (next < REQUESTS + SENT_TO_BOTH) {
        const n = next++;
        const [uploadTo, sendTo] = n % 2 === 0 ? [a, b] : [b, a];
        const { id, body } = await prepare(uploadTo);
        if (n < REQUESTS) {
          const response = await put(sendTo, id, body);
          expect(response.status).toBe(201);
          references.set(id, ((await response.json()) as { reference: string }).reference);
          continue;
        }
        // The same request to both processes at the same moment: one records it, the other
        // answers with the same receipt.
        const answers = await Promise.all([put(a, id, body), put(b, id, body)]);
        expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
        const [first, second] = await Promise.all(
          answers.map(async (r) => ((await r.json()) as { reference: string }).reference),
        );
        expect(first).toBe(second);
        references.set(id, first ?? "");
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(references.size).toBe(REQUESTS + SENT_TO_BOTH);
    expect(new Set(references.values()).size).toBe(references.size);
    // Each procedure's numbers run from 1 without a gap, whichever process gave them, the
    // twins' rolled-back attempts included: one counter row per procedure, taken in turn.
    const numbersBySeries = new Map<string, number[]>();
    for (const reference of references.values()) {
      const cut = reference.lastIndexOf("-");
      const series = reference.slice(0, cut);
      numbersBySeries.set(series, [...(numbersBySeries.get(series) ?? []), Number(reference.slice(cut + 1))]);
    }
    for (const numbers of numbersBySeries.values())
      expect(numbers.sort((x, y) => x - y)).toEqual(numbers.map((_, i) => i + 1));
    for (const [id, reference] of references)
      for (const server of servers) {
        const response = await call(server, `/api/submissions/${id}`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { reference: string }).reference).toBe(reference);
      }
    const rows = await admin(url, `SELECT id, reference FROM ${schema}.submissions`);
    expect(new Map(rows.map((row) => [row.id, row.reference]))).toEqual(references);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    console.log(
      `scale-out test: ${statuses.length} HTTP requests to 2 processes, ${references.size} requests recorded (${SENT_TO_BOTH} sent to both at once), no 5xx`,
    );
  });
});

/**
 * Every process runs the cleanup of expired uploads (main.ts) on the shared documents directory:
 * two at once must both finish, remove every expired unfinished upload and keep finished ones.
 * This needs no PostgreSQL: two document stores on one directory are what two processes open.
 * (Before, the second to reach an upload the first had just removed stopped with FILE_NOT_FOUND,
 * leaving the rest of its list behind.)
 */
describe("the cleanup of expired uploads run by two processes at once", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("SQLite");
  });
  afterAll(() => server.close());

  it("finishes in both, removes every expired unfinished upload, keeps the finished ones", async () => {
    const metadata = {
      flowId: "bourse-scolaire",
      fieldId: "residenceProofFile",
      filetype: "application/pdf",
    };
    const unfinished: string[] = [];
    for (let i = 0; i < 20; i++) {
      const created = await server.app.request("/api/uploads", {
        method: "POST",
        headers: { ...TUS, "Upload-Length": "512", "Upload-Metadata": uploadMetadata(metadata) },
      });
      expect(created.status).toBe(201);
      unfinished.push(created.headers.get("Location")?.split("/").pop()?.split("?")[0] ?? "");
    }
    const finished = await uploadWhole(server.app, metadata, documentBytes("application/pdf", 512, 991));
    expect(finished.response.status).toBe(201);

    const later = Date.now() + UPLOAD_EXPIRATION_MS + 60_000;
    const stores = [1, 2].map(
      () =>
        new FileDocumentStore({
          directory: join(server.dataDir, "uploads"),
          expirationMs: UPLOAD_EXPIRATION_MS,
        }),
    );
    const results = await Promise.allSettled(
      stores.map((documents) =>
        removeExpiredUploads(
          { documents, uploadClients: server.services.uploadClients, drafts: server.services.drafts },
          // Finished documents are kept longer than unfinished ones (upload-limits.test.ts).
          { expirationMs: UPLOAD_EXPIRATION_MS, unclaimedMs: 2 * UPLOAD_EXPIRATION_MS },
          later,
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    for (const id of unfinished) expect(await server.services.documents.inspect(id)).toBeUndefined();
    expect(await server.services.documents.list()).toEqual([finished.uploadId]);
    expect(await server.services.documents.inspect(finished.uploadId)).toMatchObject({
      offset: 512,
      size: 512,
    });
  });
});

async function admin(url: string, text: string): Promise<Record<string, string>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
