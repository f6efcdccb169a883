/**
 * The back office at a campaign's size: 100,000 seeded requests, then filtered queue pages as an
 * agent asks for them (p50/p95 of each kind, goal ≤ 200 ms p95) and the export of 10,000 rows.
 * SQLite always; PostgreSQL too when TEST_DATABASE_URL names one (in a schema of its own).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DatabaseConfig, DEFAULT_FLOWS_DIR, DEFAULT_LOCALES_DIR } from "../../server/config";
import { openDatabase } from "../../server/db/connect";
import { ProcessingRepository } from "../../server/db/processing-repository";
import { FlowRegistry } from "../../server/flows/flow-registry";
import { FrenchTexts } from "../../server/flows/french-texts";
import { ProcessingExports } from "../../server/processing/exports";
import { ProcessingQueues, type QueueRequest } from "../../server/processing/queues";
import type { StaffActor } from "../../server/staff/staff-actor";
import { seedRequests } from "../seed/realistic-requests";
import { adminQuery, benchPostgresUrl } from "./submissions";

const REQUESTS = Number(process.env.BENCH_BACKOFFICE_REQUESTS ?? 100_000);
const ROUNDS = 40;
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
  const config: DatabaseConfig = url
    ? { kind: "postgres", url }
    : { kind: "sqlite", file: join(dataDir, "bench.sqlite") };
  const database = await openDatabase(config, schema ? { schema } : {});
  try {
    const texts = await FrenchTexts.load(DEFAULT_LOCALES_DIR);
    const flows = await FlowRegistry.load(DEFAULT_FLOWS_DIR, texts);
    const seeding = performance.now();
    await seedRequests(database.db, flows, REQUESTS, { examplesDir: join(DEFAULT_FLOWS_DIR, "examples") });
    const seeded = performance.now() - seeding;
    const repository = new ProcessingRepository(database.db);
    const queues = new ProcessingQueues(repository);
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
    const exporting = performance.now();
    const exported = await new ProcessingExports(repository, texts).export(
      agent,
      { flowId: "bourse-scolaire", queue: "to_process" },
      "xlsx",
    );
    const exportMs = performance.now() - exporting;
    return (
      `back office on ${name} (${REQUESTS} requests, seeded in ${(seeded / 1000).toFixed(0)} s): ` +
      `filtered queue page p50 ${percentile(pages, 0.5)} ms, p95 ${percentile(pages, 0.95)} ms (goal ≤ 200); ` +
      `queue counts p50 ${percentile(counts, 0.5)} ms, p95 ${percentile(counts, 0.95)} ms; ` +
      `XLSX export of ${exported?.rows ?? 0} requests ${(exportMs / 1000).toFixed(1)} s`
    );
  } finally {
    await database.close();
    if (url && schema) await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(values: readonly number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
}
