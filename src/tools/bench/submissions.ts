/**
 * Durable submissions per second: the real Hono app, in process (app.request, no sockets, so
 * the figure is the server's and not the HTTP stack's), one Node thread, recording valid
 * requests (an example answer set of aide-medicale, its four documents uploaded beforehand
 * through the tus endpoint). Every request is committed to disk (SQLite synchronous=FULL,
 * PostgreSQL's default synchronous_commit) before its 201. Run one after the other, then 8 at
 * a time, as a handful of connected spaces sending at once would; 200 requests first, unmeasured,
 * so that V8 has compiled the code a running server runs.
 *
 * One at a time, each request waits for its own commit. Eight at a time, the server writes them
 * together (db/recording-batches.ts), so the figure is about 8 / (the server's work for eight
 * requests + one commit): "ms CPU each" is the process's CPU time per request, the disk's wait
 * excluded.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Hono } from "hono";
import pg from "pg";
import { createApp } from "../../server/app";
import { type DatabaseConfig, DEFAULT_DIST_DIR, DEFAULT_MAX_BODY_BYTES } from "../../server/config";
import { openServices } from "../../server/services";
import { uploadIdOfUrl } from "../../shared/api/paths";
import { isDocumentRef } from "../../shared/engine/validate";
import { type BaselineMode, bareBaseline } from "./bare-baseline";
import { BENCH_UPLOAD_LIMITS } from "./bench-upload-limits";
import { ms, percentile } from "./browser";

const FLOW_ID = "aide-medicale";
const EXAMPLE = new URL("../../../flows/examples/aide-medicale/eligible-single.json", import.meta.url);
/** Small documents: the figure is about recording requests, not about hashing photos. */
const DOCUMENT_BYTES = 2048;
const WARM_UP = 200;

export interface SubmissionBenchOptions {
  readonly sequential?: number;
  readonly concurrent?: number;
  readonly concurrency?: number;
}

/** The PostgreSQL database to bench on, from TEST_DATABASE_URL or DATABASE_URL, if either names one. */
export function benchPostgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:\/\//i.test(url) ? url : undefined;
}

/** One line per database: SQLite always; PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names one. */
export async function benchSubmissions(options: SubmissionBenchOptions = {}): Promise<string[]> {
  const lines = [await benchOn("SQLite", options)];
  const postgresUrl = benchPostgresUrl();
  if (postgresUrl) lines.push(await benchOn("PostgreSQL", options, postgresUrl));
  else lines.push("durable submissions (PostgreSQL): skipped, set TEST_DATABASE_URL to measure it");
  return lines;
}

async function benchOn(
  name: "SQLite" | "PostgreSQL",
  options: SubmissionBenchOptions,
  url?: string,
): Promise<string> {
  const sequential = options.sequential ?? 500;
  const concurrent = options.concurrent ?? 1500;
  const concurrency = options.concurrency ?? 8;
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-"));
  // PostgreSQL: a schema of its own, dropped afterwards, so the bench never touches real tables.
  const schema = url ? `bench_${randomBytes(6).toString("hex")}` : undefined;
  if (url && schema) await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const database: DatabaseConfig = url
    ? { kind: "postgres", url }
    : { kind: "sqlite", file: join(dataDir, "bench.sqlite") };
  const services = await openServices(
    { dataDir, database, maxBodyBytes: DEFAULT_MAX_BODY_BYTES, uploadLimits: BENCH_UPLOAD_LIMITS },
    { database: schema ? { schema, poolSize: concurrency + 2 } : {} },
  );
  try {
    const app = createApp({ distDir: DEFAULT_DIST_DIR }, services);
    const bodies = await prepareBodies(app, WARM_UP + sequential + concurrent);
    // The first requests run while V8 compiles the hot code: not what a running server costs.
    await run(app, bodies.slice(0, WARM_UP), concurrency);
    const one = await run(app, bodies.slice(WARM_UP, WARM_UP + sequential), 1);
    const many = await run(app, bodies.slice(WARM_UP + sequential), concurrency);
    const durability = name === "SQLite" ? "SQLite, synchronous=FULL" : "PostgreSQL, synchronous_commit=on";
    const lines = [
      `durable submissions (${durability}, 1 core, one at a time): ${one.text}`,
      `durable submissions (${durability}, 1 core, ${concurrency} at a time): ${many.text} (goal >= 2000/s, p99 <= 50 ms)`,
    ];
    if (name === "SQLite")
      lines.push(await compareWithBaseline(dataDir, bodies, many.perSecond, concurrency));
    return lines.join("\n");
  } finally {
    await services.close();
    if (url && schema) await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface Prepared {
  readonly id: string;
  readonly body: string;
  readonly length: number;
}

/**
 * Valid request bodies, each with its own freshly uploaded documents (a document belongs to one
 * request), uploaded 8 at a time through the tus endpoint as several phones would.
 */
export async function prepareBodies(app: Requester, count: number): Promise<Prepared[]> {
  const answers = JSON.parse(readFileSync(EXAMPLE, "utf8")).answers as Record<string, unknown>;
  const fields = Object.entries(answers).filter(
    ([, value]) => Array.isArray(value) && value.every(isDocumentRef),
  );
  const bodies: Prepared[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const ownAnswers: Record<string, unknown> = { ...answers };
      const documents = [];
      for (const [fieldId, refs] of fields) {
        const resized = [];
        for (const ref of refs as { type: string }[]) {
          const bytes = pdf(n);
          resized.push({ ...ref, type: "application/pdf", size: bytes.byteLength });
          documents.push({
            fieldId,
            uploadId: await upload(app, fieldId, bytes),
            sha256: sha256(bytes),
            size: bytes.byteLength,
            type: "application/pdf",
          });
        }
        ownAnswers[fieldId] = resized;
      }
      const body = JSON.stringify({ flowId: FLOW_ID, flowVersion: 1, answers: ownAnswers, documents });
      bodies.push({ id: randomUUID(), body, length: Buffer.byteLength(body) });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return bodies;
}

/** The app in this process (app.request) or a server process over HTTP. */
interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

async function upload(app: Requester, fieldId: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const created = await app.request("/api/uploads", {
    method: "POST",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(bytes.byteLength),
      "Upload-Metadata": `flowId ${btoa(FLOW_ID)},fieldId ${btoa(fieldId)},filetype ${btoa("application/pdf")}`,
      "Content-Type": "application/offset+octet-stream",
    },
    body: bytes,
  });
  if (created.status !== 201) throw new Error(`bench upload failed: ${created.status}`);
  return uploadIdOfUrl(created.headers.get("Location") ?? "") ?? "";
}

/**
 * The same bodies, at the same concurrency, right after ours, to the bare endpoints of
 * bare-baseline.ts: what is left of the disk's cost and what is ours.
 */
async function compareWithBaseline(
  dataDir: string,
  bodies: readonly Prepared[],
  ours: number,
  concurrency: number,
): Promise<string> {
  const measured: Record<BaselineMode, Measured> = {} as Record<BaselineMode, Measured>;
  for (const mode of ["one at a time", "grouped"] as const) {
    const baseline = bareBaseline(dataDir, mode);
    try {
      await run(baseline.app, bodies.slice(0, WARM_UP), concurrency);
      measured[mode] = await run(baseline.app, bodies.slice(WARM_UP), concurrency);
    } finally {
      baseline.close();
    }
  }
  const single = measured["one at a time"];
  const grouped = measured.grouped;
  const ratio = (baseline: Measured) => `${(ours / baseline.perSecond).toFixed(2)}x`;
  return [
    `bare Hono + better-sqlite3 (synchronous=FULL), ${concurrency} at a time, one insert per transaction: ${single.text}`,
    `bare Hono + better-sqlite3 (synchronous=FULL), ${concurrency} at a time, each burst in one transaction: ${grouped.text}`,
    `durable submissions over the bare endpoint: ${ratio(single)} one insert per transaction, ${ratio(grouped)} grouped (goal >= 0.7x grouped)`,
  ].join("\n");
}

interface Measured {
  readonly perSecond: number;
  /** "N/s, p50 …, p99 … (N requests, … ms CPU each)" */
  readonly text: string;
}

/** Sends every body, `concurrency` at a time, and times it. */
async function run(app: Hono, bodies: readonly Prepared[], concurrency: number): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const prepared = bodies[next++];
      if (!prepared) break;
      const start = performance.now();
      const response = await app.request(`/api/submissions/${prepared.id}`, {
        method: "PUT",
        // As a browser sends it: with its length.
        headers: { "Content-Type": "application/json", "Content-Length": String(prepared.length) },
        body: prepared.body,
      });
      if (response.status !== 201)
        throw new Error(`bench submission answered ${response.status}: ${await response.text()}`);
      latencies.push(performance.now() - start);
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  // The server's own CPU time per request: telling when the figure is bounded by the disk, or by us.
  const used = process.cpuUsage(cpu);
  const cpuPerRequest = (used.user + used.system) / 1000 / bodies.length;
  const perSecond = bodies.length / seconds;
  return {
    perSecond,
    text: `${Math.round(perSecond)}/s, p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))} (${bodies.length} requests, ${cpuPerRequest.toFixed(2)} ms CPU each)`,
  };
}

function pdf(seed: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(DOCUMENT_BYTES).fill(0x20);
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n% bench ${seed} ${randomUUID()}\n`));
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
