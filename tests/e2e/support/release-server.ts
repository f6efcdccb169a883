/**
 * A second instance of the real server, on a copy of the built app that a test can change: a new
 * release is published by changing files in the copy, as a deployment would, without touching the
 * dist/ the other tests are served from. (Playwright's routing does not see the browser's update
 * check of sw.js, so a real server has to answer it.)
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SHELL_HTML } from "../../../src/shared/app-pages";
import { startServerProcess } from "../../support/server-process";

const ROOT = resolve(import.meta.dirname, "..", "..", "..");

/** The `<meta>` a published release adds to the pages, so a test can tell which version a page is. */
export const RELEASE_META = "pas-a-pas-release";

export interface ReleaseServer {
  readonly url: string;
  /** A new version: the two pages change, and so do their revisions in the service worker's precache list. */
  publishRelease(release: number): void;
  stop(): Promise<void>;
}

/** The build the shared test server serves: DIST_DIR as the server reads it, else dist/. */
function builtApp(): string {
  const dist = process.env.DIST_DIR?.trim() ? resolve(process.env.DIST_DIR.trim()) : join(ROOT, "dist");
  for (const file of [...PAGES, "sw.js"])
    if (!existsSync(join(dist, file)))
      throw new Error(`${dist}/${file} is missing: run "npm run build" first`);
  return dist;
}

/** The app's two HTML files (src/shared/app-pages.ts): the prerendered catalogue and the shell. */
const PAGES = ["index.html", SHELL_HTML];

function publish(dist: string, release: number): void {
  const swFile = join(dist, "sw.js");
  let sw = readFileSync(swFile, "utf8");
  for (const page of PAGES) {
    const file = join(dist, page);
    const html = readFileSync(file, "utf8").replace(
      "</head>",
      `<meta name="${RELEASE_META}" content="${release}"></head>`,
    );
    writeFileSync(file, html);
    // The page's entry in the precache list Workbox injected into sw.js (JSON, so its form is stable).
    const entry = new RegExp(`\\{"revision":"[0-9a-f]+","url":"${page.replace(".", "\\.")}"\\}`);
    if (!entry.test(sw)) throw new Error(`sw.js has no precache entry for ${page} to change`);
    const revision = createHash("md5").update(html).digest("hex");
    sw = sw.replace(entry, `{"revision":"${revision}","url":"${page}"}`);
  }
  writeFileSync(swFile, sw);
}

/** Copies the built app into `folder` and serves it with the real server, its data in `folder` too. */
export async function startReleaseServer(folder: string): Promise<ReleaseServer> {
  const dist = join(folder, "dist");
  cpSync(builtApp(), dist, { recursive: true });
  const { url, stop } = await startServerProcess(join(folder, "data"), { DIST_DIR: dist });
  return { url, publishRelease: (release) => publish(dist, release), stop };
}
