/**
 * The real server in a process of its own (`tsx src/server/main.ts`), on a free loopback port,
 * for tests that need it apart from the test's own globals: a second release of the app, or the
 * browser's code run under happy-dom talking to it over HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..");
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

export interface ServerProcess {
  readonly url: string;
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no flush; what a power cut or the OOM killer does. */
  kill(): Promise<void>;
  /** fetch to a path on this server (Node's fetch: not for tests under happy-dom). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** What the process printed, for a failing test to show. */
  output(): string;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once("exit", () => done());
  });
}

/** node:http rather than fetch: under happy-dom, fetch is the page's and sees another origin. */
function answersHealth(url: string): Promise<boolean> {
  return new Promise((done) => {
    get(`${url}/api/health`, (response) => {
      response.resume();
      done(response.statusCode === 200);
    }).once("error", () => done(false));
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start:\n${output()}`);
    if (await answersHealth(url)) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`the server did not answer /api/health within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

/** Starts the server with its data in `dataDir` (its own SQLite file unless `env` says otherwise). */
export async function startServerProcess(
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      // Every test client is 127.0.0.1: load tests would reach the per-client upload limits,
      // which tests of their own check (tests/unit/server/upload-limits.test.ts).
      UPLOADS_PER_HOUR: "1000000",
      UPLOAD_BYTES_PER_HOUR: "1000000000000",
      UPLOAD_QUOTA_BYTES: "1000000000000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  const stop = async () => {
    child.kill("SIGTERM");
    const timeout = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timeout);
  };
  try {
    await waitUntilHealthy(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async () => {
    child.kill("SIGKILL");
    await exited(child);
  };
  return { url, stop, kill, request: (path, init) => fetch(`${url}${path}`, init), output: () => output };
}
