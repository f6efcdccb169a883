/**
 * A draft kept in the account: 40 answers saved, then confirmed by the server, as a signed-in
 * device pushes it after each save — one PUT from the revision it last had, over real HTTP on
 * loopback to the Hono app (SQLite), with the session cookie. p50/p95 from the request leaving
 * to the server's confirmation (the new revision) read back. IndexedDB's side, a few
 * milliseconds, is not in the figure: this is the server's and the network stack's part.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { readAccountConfig } from "../../server/account-config";
import { createApp } from "../../server/app";
import { DEFAULT_DIST_DIR, DEFAULT_MAX_BODY_BYTES } from "../../server/config";
import type { MessageDriver, OutgoingMessage } from "../../server/messages/message-driver";
import { openServices } from "../../server/services";
import { ms, percentile } from "./browser";

const WARM_UP = 50;
const MEASURED = 500;

class CodesInMemory implements MessageDriver {
  readonly description = "kept in memory";
  code = "";
  async send(message: OutgoingMessage): Promise<void> {
    this.code = /\b(\d{6})\b/.exec(message.text)?.[1] ?? "";
  }
}

/** 40 answers of the kinds a person gives: names, dates, amounts, choices, a few sentences. */
function fortyAnswers(round: number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < 40; i++)
    answers[`answer${i}`] =
      i % 4 === 0
        ? `Réponse ${i} au tour ${round}, écrite comme une personne l'écrit`
        : i % 4 === 1
          ? 1000 * i + round
          : i % 4 === 2
            ? "2026-03-12"
            : i % 8 === 3;
  return answers;
}

export async function benchDraftSync(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-bench-draft-sync-"));
  const driver = new CodesInMemory();
  const services = await openServices(
    {
      dataDir,
      database: { kind: "sqlite", file: join(dataDir, "bench.sqlite") },
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      accounts: readAccountConfig({}),
    },
    { accounts: { drivers: { email: driver, sms: driver } } },
  );
  const app = createApp({ distDir: DEFAULT_DIST_DIR }, services);
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((ready) => server.once("listening", ready));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const json = { "Content-Type": "application/json" };
    const asked = await fetch(`${base}/api/account/code`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ address: "bench-drafts@example.nc" }),
    });
    const { attemptId } = (await asked.json()) as { attemptId: string };
    while (!driver.code) await services.account.queue.drain();
    const checked = await fetch(`${base}/api/account/code/check`, {
      method: "POST",
      headers: json,
      body: JSON.stringify({ attemptId, code: driver.code }),
    });
    const cookie = (checked.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    const id = crypto.randomUUID();
    let revision = 0;
    const saveOnce = async () => {
      const response = await fetch(`${base}/api/account/drafts/${id}`, {
        method: "PUT",
        headers: { ...json, Cookie: cookie },
        body: JSON.stringify({
          flowId: "bourse-scolaire",
          flowVersion: 1,
          answers: fortyAnswers(revision),
          step: "household",
          baseRevision: revision,
          documents: [],
        }),
      });
      if (response.status !== 200) throw new Error(`bench: draft save answered ${response.status}`);
      revision = ((await response.json()) as { revision: number }).revision;
    };
    const latencies: number[] = [];
    for (let i = 0; i < WARM_UP + MEASURED; i++) {
      const start = performance.now();
      await saveOnce();
      if (i >= WARM_UP) latencies.push(performance.now() - start);
    }
    return `a 40-answer draft kept in the account (SQLite, HTTP on loopback): save → server confirmation p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (${MEASURED} saves, each from the revision before)`;
  } finally {
    server.close();
    await services.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
