/**
 * What every browser benchmark needs: the real server on the built app, with its API and a
 * database of its own (SQLite in a temporary directory), and Chromium with a slow CPU.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { createApp } from "../../server/app";
import { DEFAULT_DIST_DIR, DEFAULT_MAX_BODY_BYTES } from "../../server/config";
import { type ApiServices, openServices } from "../../server/services";
import { BENCH_UPLOAD_LIMITS } from "./bench-upload-limits";

/** A cheap Android phone is roughly four times slower than this machine's core. */
export const CPU_SLOWDOWN = 4;

export interface BenchServer {
  readonly url: string;
  readonly services: ApiServices;
  close(): Promise<void>;
}

/** The built app of DIST_DIR (dist/ by default), as the server's own configuration names it. */
export async function startServer(): Promise<BenchServer> {
  const distDir = process.env.DIST_DIR?.trim() || DEFAULT_DIST_DIR;
  if (!existsSync(`${distDir}/index.html`))
    throw new Error(`${distDir}/index.html is missing: run "npm run build" first.`);
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-server-"));
  const services = await openServices({
    dataDir,
    database: { kind: "sqlite", file: join(dataDir, "bench.sqlite") },
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    uploadLimits: BENCH_UPLOAD_LIMITS,
  });
  const server = serve({ fetch: createApp({ distDir }, services).fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  return chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-background-networking"] });
}

/** A phone-sized page whose CPU runs CPU_SLOWDOWN times slower (Chrome DevTools throttling). */
export async function slowPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return page;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
