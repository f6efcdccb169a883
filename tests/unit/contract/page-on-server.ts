/**
 * The page of a contract test: the real server in its own process (it must not run on the test's
 * happy-dom globals) and the page on the same origin, as in production, so the browser's relative
 * URLs reach it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type ServerProcess, startServerProcess } from "../../support/server-process";

export interface PageOnServer {
  readonly server: ServerProcess;
  readonly dataDir: string;
}

/**
 * `localhost`: the page's host is localhost rather than 127.0.0.1, for tests that sign in: the
 * session cookie is Secure, which browsers (and happy-dom) keep over plain HTTP on localhost only.
 */
export function pageOnServer(name: string, { localhost = false } = {}): PageOnServer {
  const site = {} as { server: ServerProcess; dataDir: string };
  beforeAll(async () => {
    site.dataDir = mkdtempSync(join(tmpdir(), `pas-a-pas-${name}-`));
    site.server = await startServerProcess(site.dataDir);
    const page = new URL(site.server.url);
    if (localhost) page.hostname = "localhost";
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(`${page.origin}/`);
  }, 60_000);
  afterAll(async () => {
    await site.server?.stop();
    rmSync(site.dataDir, { recursive: true, force: true });
  });
  return site;
}
