/**
 * A second instance of the real server, on a copy of the built app that a test can change: a new
 * release is published by changing files in the copy, as a deployment would, without touching the
 * dist/ the other tests are served from. (Playwright's routing does not see the browser's update
 * check of sw.js, so a real server has to answer it.)
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startServerProcess } from "../../support/server-process";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");

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
  const { url, stop } = await startServerProcess(join(folder, "data"), { DIST_DIR: dist });
  return { url, publishRelease: (release) => publish(dist, release), stop };
}
