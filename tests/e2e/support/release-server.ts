/**
 * A second instance of the real server, on a copy of the built app that a test can change: a new
 * release is published by changing files in the copy, as a deployment would, without touching the
 * dist/ the other tests are served from. (Playwright's routing does not see the browser's update
 * check of sw.js, so a real server has to answer it.)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** The `<meta>` a published release adds to index.html, so a test can tell which version a page is. */
export const RELEASE_META = "pas-a-pas-release";

export interface ReleaseServer {
  readonly url: string;
  /** A new version: index.html changes, and so does its revision in the service worker's precache list. */
  publishRelease(release: number): void;
  stop(): Promise<void>;
}

/** The build the shared test server serves: DIST_DIR as the server reads it, else dist/. */
function builtApp(): string {
  const dist = process.env.DIST_DIR?.trim() ? resolve(process.env.DIST_DIR.trim()) : join(ROOT, "dist");
  for (const file of ["index.html", "sw.js"])
    if (!existsSync(join(dist, file)))
      throw new Error(`${dist}/${file} is missing: run "npm run build" first`);
  return dist;
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

async function waitUntilHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the release server stopped at start:\n${output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(
    `the release server did not answer /api/health within ${START_TIMEOUT_MS} ms:\n${output()}`,
  );
}

/** index.html's entry in the precache list Workbox injected into sw.js (JSON, so its form is stable). */
const INDEX_ENTRY = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/;

function publish(dist: string, release: number): void {
  const indexFile = join(dist, "index.html");
  const index = readFileSync(indexFile, "utf8").replace(
    "</head>",
    `<meta name="${RELEASE_META}" content="${release}"></head>`,
  );
  writeFileSync(indexFile, index);
  const swFile = join(dist, "sw.js");
  const sw = readFileSync(swFile, "utf8");
  if (!INDEX_ENTRY.test(sw)) throw new Error("sw.js has no precache entry for index.html to change");
  const revision = createHash("md5").update(index).digest("hex");
  writeFileSync(swFile, sw.replace(INDEX_ENTRY, `{"revision":"${revision}","url":"index.html"}`));
}

/** Copies the built app into `folder` and serves it with the real server, its data in `folder` too. */
export async function startReleaseServer(folder: string): Promise<ReleaseServer> {
  const dist = join(folder, "dist");
  cpSync(builtApp(), dist, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      DIST_DIR: dist,
      DATA_DIR: join(folder, "data"),
      // Its own SQLite file, whatever database the shell points at.
      DATABASE_URL: "",
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
  return { url, publishRelease: (release) => publish(dist, release), stop };
}
