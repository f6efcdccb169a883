/**
 * The scale-out ratio: durable submissions per second with two server processes on one
 * PostgreSQL (one schema, one documents directory, as behind a proxy) over one process, the
 * same load in both cases: CONCURRENCY clients over HTTP, each request's documents uploaded
 * beforehand. The clients run in this process, so on a small machine they take CPU from the
 * servers: the ratio is what this machine allows, the goal (>= 1.8x) assumes a core per process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { BENCH_UPLOAD_ENV } from "./bench-upload-limits";
import { freePort } from "./free-port";
import { adminQuery, type Prepared, prepareBodies } from "./submissions";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const CONCURRENCY = 16;
const WARM_UP = 100;
const MEASURED = 400;

interface Process {
  readonly url: string;
  stop(): Promise<void>;
}

export async function benchScaleOut(postgresUrl: string): Promise<string> {
  const schema = `bench_${randomBytes(6).toString("hex")}`;
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-scale-"));
  await adminQuery(postgresUrl, `CREATE SCHEMA ${schema}`);
  const database = new URL(postgresUrl);
  database.searchParams.set("options", `-c search_path=${schema}`);
  const servers: Process[] = [];
  try {
    servers.push(...(await Promise.all([0, 1].map(() => startProcess(dataDir, database.toString())))));
    const [a, b] = servers as [Process, Process];
    const http = (server: Process) => ({
      request: (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init),
    });
    // Each phase its own requests (a request is recorded once); documents spread over both processes.
    const [oneBodies, twoBodies] = await Promise.all([
      prepareBodies(http(a), WARM_UP + MEASURED),
      prepareBodies(http(b), 2 * WARM_UP + MEASURED),
    ]);
    await load([a], oneBodies.slice(0, WARM_UP));
    const one = await load([a], oneBodies.slice(WARM_UP));
    await load([b], twoBodies.slice(0, WARM_UP));
    await load([a, b], twoBodies.slice(WARM_UP, 2 * WARM_UP));
    const two = await load([a, b], twoBodies.slice(2 * WARM_UP));
    return `scale-out (PostgreSQL, ${CONCURRENCY} clients over HTTP, ${cpus().length} cores): one process ${Math.round(one)}/s, two processes ${Math.round(two)}/s, ratio ${(two / one).toFixed(2)}x (goal >= 1.8x)`;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await adminQuery(postgresUrl, `DROP SCHEMA ${schema} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Sends every body, CONCURRENCY at a time, to the processes in turn; returns requests per second. */
async function load(servers: readonly Process[], bodies: readonly Prepared[]): Promise<number> {
  let next = 0;
  const client = async () => {
    while (next < bodies.length) {
      const n = next++;
      const prepared = bodies[n];
      const server = servers[n % servers.length];
      if (!prepared || !server) break;
      const response = await fetch(`${server.url}/api/submissions/${prepared.id}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: prepared.body,
      });
      if (response.status !== 201)
        throw new Error(`scale-out submission answered ${response.status}: ${await response.text()}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  return bodies.length / ((performance.now() - start) / 1000);
}

/** `tsx src/server/main.ts` on a free loopback port, on the given database and DATA_DIR. */
async function startProcess(dataDir: string, databaseUrl: string): Promise<Process> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      ...BENCH_UPLOAD_ENV,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((done) => child.once("exit", done));
  };
  const deadline = Date.now() + 30_000;
  while (!(await healthy(url, child))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error("a server process did not start");
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  return { url, stop };
}

async function healthy(url: string, child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null) return false;
  return fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
}
