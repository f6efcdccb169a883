/**
 * Sign-ins per second with a code: the real Hono app in process (app.request), each sign-in
 * being what a person's browser does — ask for a code (its row and its message written in one
 * transaction), the queue sending it, then the code checked, an account made and a session
 * opened — 8 at a time, every person with their own address and client address. The message
 * driver keeps codes in memory: the figure is the server's, not an SMTP server's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readAccountConfig } from "../../server/account-config";
import { createApp } from "../../server/app";
import { DEFAULT_DIST_DIR, DEFAULT_MAX_BODY_BYTES } from "../../server/config";
import type { MessageDriver, OutgoingMessage } from "../../server/messages/message-driver";
import { openServices } from "../../server/services";
import { ms, percentile } from "./browser";

const WARM_UP = 100;
const MEASURED = 600;
const CONCURRENCY = 8;

class CodesInMemory implements MessageDriver {
  readonly description = "kept in memory";
  readonly codes = new Map<string, string>();
  async send(message: OutgoingMessage): Promise<void> {
    this.codes.set(message.to, /\b(\d{6})\b/.exec(message.text)?.[1] ?? "");
  }
}

export async function benchSignIn(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-sign-in-"));
  const driver = new CodesInMemory();
  const services = await openServices(
    {
      dataDir,
      database: { kind: "sqlite", file: join(dataDir, "bench.sqlite") },
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      accounts: { ...readAccountConfig({}), codesPerClientPerHour: 100_000 },
    },
    { accounts: { drivers: { email: driver, sms: driver } } },
  );
  const app = createApp({ distDir: DEFAULT_DIST_DIR }, services);
  let person = 0;
  const signInOnce = async () => {
    const n = person++;
    const address = `person${n}@example.nc`;
    const client = {
      incoming: { socket: { remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } },
    };
    const json = (body: unknown) => ({
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const asked = await app.request("/api/account/code", json({ address }), client);
    if (asked.status !== 202) throw new Error(`bench: code request answered ${asked.status}`);
    const { attemptId } = (await asked.json()) as { attemptId: string };
    while (!driver.codes.has(address)) await services.account.queue.drain();
    const checked = await app.request(
      "/api/account/code/check",
      json({ attemptId, code: driver.codes.get(address) }),
      client,
    );
    if (checked.status !== 200) throw new Error(`bench: code check answered ${checked.status}`);
  };
  const run = async (count: number) => {
    const latencies: number[] = [];
    let left = count;
    const worker = async () => {
      while (left-- > 0) {
        const start = performance.now();
        await signInOnce();
        latencies.push(performance.now() - start);
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { perSecond: count / ((performance.now() - start) / 1000), latencies };
  };
  try {
    await run(WARM_UP);
    const { perSecond, latencies } = await run(MEASURED);
    return `sign-ins with a code (SQLite, 1 core, ${CONCURRENCY} at a time): ${Math.round(perSecond)}/s, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (${MEASURED} sign-ins: code asked, sent, checked, session opened)`;
  } finally {
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
