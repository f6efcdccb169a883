/** What every browser benchmark needs: the real server on the built app, and Chromium with a slow CPU. */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { createApp } from "../../server/app";
import { DEFAULT_DIST_DIR } from "../../server/config";

/** A cheap Android phone is roughly four times slower than this machine's core. */
export const CPU_SLOWDOWN = 4;

export async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(`${DEFAULT_DIST_DIR}/index.html`))
    throw new Error('dist/ is missing: run "npm run build" first.');
  const server = serve({
    fetch: createApp({ distDir: DEFAULT_DIST_DIR }).fetch,
    hostname: "127.0.0.1",
    port: 0,
  });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
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
