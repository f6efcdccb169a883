/**
 * The back office at a campaign's size: 100,000 seeded requests, then filtered queue pages as an
 * agent asks for them (p50/p95 of each kind, goal ≤ 200 ms p95), one request's page as an agent
 * opens it (its read audited, p50/p95), and the export of the 10,000 oldest requests of a queue
 * as CSV and as XLSX. SQLite always; PostgreSQL too when TEST_DATABASE_URL names one (in a schema
 * of its own). Through the server's own services, not HTTP: what is measured is the database
 * and the domain, not the loopback.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseConfig, DEFAULT_FLOWS_DIR, DEFAULT_MAX_BODY_BYTES } from "../../server/config";
import { agentRequest } from "../../server/processing/agent-request";
import type { QueueRequest } from "../../server/processing/queues";
import { openServices } from "../../server/services";
import type { StaffActor } from "../../server/staff/staff-actor";
import { seedRequests } from "../seed/realistic-requests";
import { adminQuery, benchPostgresUrl } from "./submissions";

const REQUESTS = Number(process.env.BENCH_BACKOFFICE_REQUESTS ?? 100_000);
const ROUNDS = 40;
const REQUEST_PAGES = 300;
const EXPORTED = 10_000;
const agent: StaffActor = {
  staffId: "agent-1",
  sessionId: "bench",
  roles: ["agent"],
  procedures: ["bourse-scolaire", "aide-medicale"],
};
const PAGES: readonly QueueRequest[] = [
  { flowId: "bourse-scolaire", queue: "to_process" },
  { flowId: "bourse-scolaire", queue: "to_process", filters: { commune: "paita" }, page: 3 },
  { flowId: "bourse-scolaire", queue: "decided", filters: { quotientMax: 72000 }, sort: "family_quotient" },
  { flowId: "aide-medicale", queue: "to_process", filters: { text: "tein" } },
  { flowId: "aide-medicale", queue: "followed_by_me", direction: "desc" },
  { flowId: "bourse-scolaire", queue: "to_process", page: 200 },
];

export async function benchBackoffice(): Promise<string[]> {
  const lines = [await benchOn("SQLite")];
  const url = benchPostgresUrl();
  lines.push(
    url ? await benchOn("PostgreSQL", url) : "back office on PostgreSQL: skipped, set TEST_DATABASE_URL",
  );
  return lines;
}

async function benchOn(name: string, url?: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-backoffice-"));
  const schema = url ? `bench_${randomBytes(6).toString("hex")}` : undefined;
  if (url && schema) await adminQuery(url, `CREATE SCHEMA ${schema}`);
  const database: DatabaseConfig = url
    ? { kind: "postgres", url }
    : { kind: "sqlite", file: join(dataDir, "bench.sqlite") };
  const services = await openServices(
    { dataDir, database, maxBodyBytes: DEFAULT_MAX_BODY_BYTES },
    { database: schema ? { schema } : {} },
  );
  try {
    const { db } = services.database;
    const seeding = performance.now();
    await seedRequests(db, services.flows, REQUESTS, { examplesDir: join(DEFAULT_FLOWS_DIR, "examples") });
    const seeded = performance.now() - seeding;
    const { queues, exports } = services.processing;
    const pages: number[] = [];
    const counts: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const page of PAGES) {
        const started = performance.now();
        await queues.page(agent, page);
        const paged = performance.now();
        await queues.counts(agent, page.flowId);
        pages.push(paged - started);
        counts.push(performance.now() - paged);
      }

    // Requests opened at random (ids are random UUIDs): each read is audited, as in the page.
    const ids = await db.selectFrom("submissions").select("id").orderBy("id").limit(REQUEST_PAGES).execute();
    const deps = { ...services.processing, flows: services.flows };
    const opened: number[] = [];
    for (const { id } of ids) {
      const started = performance.now();
      const view = await agentRequest(deps, agent, id);
      opened.push(performance.now() - started);
      if (!view?.sections.length) throw new Error(`request ${id}: no page to measure`);
    }

    // The 10,000 oldest of a queue: the day the 10,000th arrived bounds it (in Nouméa, UTC+11).
    const target = { flowId: "bourse-scolaire", queue: "to_process" } as const;
    const nth = (await queues.page(agent, { ...target, pageSize: 1, page: EXPORTED }))?.rows[0];
    const lastDay = nth
      ? new Date(Date.parse(nth.receivedAt) + 11 * 3600_000).toISOString().slice(0, 10)
      : undefined;
    const bounded = { ...target, filters: lastDay ? { receivedTo: lastDay } : {} };
    const timed = async (format: "csv" | "xlsx") => {
      const started = performance.now();
      const file = await exports.export(agent, bounded, format);
      return { rows: file?.rows ?? 0, seconds: ((performance.now() - started) / 1000).toFixed(1) };
    };
    const csv = await timed("csv");
    const xlsx = await timed("xlsx");
    return (
      `back office on ${name} (${REQUESTS} requests, seeded in ${(seeded / 1000).toFixed(0)} s): ` +
      `filtered queue page p50 ${percentile(pages, 0.5)} ms, p95 ${percentile(pages, 0.95)} ms (goal ≤ 200); ` +
      `queue counts p50 ${percentile(counts, 0.5)} ms, p95 ${percentile(counts, 0.95)} ms; ` +
      `request page (${opened.length} opened, read audited) p50 ${percentile(opened, 0.5)} ms, ` +
      `p95 ${percentile(opened, 0.95)} ms; ` +
      `export of ${csv.rows} requests: CSV ${csv.seconds} s, XLSX (${xlsx.rows}) ${xlsx.seconds} s`
    );
  } finally {
    await services.close();
    if (url && schema) await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(values: readonly number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
}
