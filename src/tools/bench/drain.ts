/**
 * Draining the outbox: one phone comes back online with 200 finished requests waiting, and its
 * sender (src/app/sync, the real built app in Chromium, CPU slowed down) sends them all to the
 * real server (SQLite, synchronous=FULL). Timed from the moment the network returns until the
 * server has all 200, and until the device shows them all sent.
 *
 * Each request is the aide-medicale example answer set "eligible-single" with its four
 * documents, each a small file of 2 KB (a JPEG and three PDFs, their first bytes right, so the
 * server's type check passes): every request costs what a real one does (four tus uploads,
 * then the PUT, and the device's own writes), without the time of moving megabytes.
 *
 * The requests are put in the app's IndexedDB the way src/app/storage writes them (a `requests`
 * record with status "ready", each document's bytes in `files`), with the raw IndexedDB API from
 * the test driver: the app has no hook for this and needs none. The page is open first, so the
 * app has created its database, then goes offline while the outbox is filled; going online
 * again is what starts the sender, as on a phone.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "@playwright/test";
import { sql } from "kysely";
import { type BenchServer, CPU_SLOWDOWN, slowPage } from "./browser";

const REQUESTS = 200;
const DOCUMENT_BYTES = 2048;
const EXAMPLE = new URL("../../../flows/examples/aide-medicale/eligible-single.json", import.meta.url);
/** Generous: a slow machine sends a request in well under a second. */
const TIMEOUT_MS = 10 * 60_000;

export async function benchDrain(browser: Browser, server: BenchServer): Promise<string> {
  const answers = JSON.parse(readFileSync(EXAMPLE, "utf8")).answers as Record<string, unknown>;
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await slowPage(context);
  await page.goto(`${server.url}/`);
  // The sender starts once the first page shows, and opens the app's database to look at the outbox.
  // (Opening it from here first would create an empty one.)
  await waitFor(
    () =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((db) => db.name === "pas-a-pas" && db.version === 3),
      ),
    Date.now(),
  );
  await context.setOffline(true);
  await page.evaluate(fillOutbox, { answers, count: REQUESTS, bytes: DOCUMENT_BYTES });

  const before = await submissionCount(server);
  const start = Date.now();
  await context.setOffline(false);
  const serverTime = await waitFor(async () => (await submissionCount(server)) - before >= REQUESTS, start);
  const deviceTime = await waitFor(async () => (await page.evaluate(sentOnDevice)) >= REQUESTS, start);
  const documents = await documentCount(server);
  await context.close();
  const perRequest = serverTime / REQUESTS;
  return `drain ${REQUESTS} queued requests (1 client, 4 documents of ${DOCUMENT_BYTES / 1024} KB each, ${CPU_SLOWDOWN}x CPU, SQLite): server has all ${REQUESTS} after ${(serverTime / 1000).toFixed(1)} s (${perRequest.toFixed(0)} ms a request), device shows them all sent after ${(deviceTime / 1000).toFixed(1)} s (${documents} documents linked)`;
}

/** Runs in the page: the outbox as src/app/storage leaves it after `count` requests were submitted offline. */
async function fillOutbox({
  answers,
  count,
  bytes,
}: {
  answers: Record<string, unknown>;
  count: number;
  bytes: number;
}): Promise<void> {
  const heads: Record<string, number[]> = {
    "image/jpeg": [0xff, 0xd8, 0xff, 0xe0],
    "application/pdf": [...new TextEncoder().encode("%PDF-1.7\n")],
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("pas-a-pas");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(["requests", "files"], "readwrite", { durability: "strict" });
  const files = tx.objectStore("files");
  const requests = tx.objectStore("requests");
  const start = Date.now();
  for (let n = 0; n < count; n++) {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(answers)) {
      const isDocumentList =
        Array.isArray(value) && value.every((v) => typeof v === "object" && v !== null && "size" in v);
      if (!isDocumentList) {
        own[key] = value;
        continue;
      }
      own[key] = (value as { name: string; type: string }[]).map(({ name, type }) => {
        const content = new Uint8Array(bytes).fill(0x20);
        content.set(heads[type] ?? []);
        // Each file's own bytes: the server keeps a document with one request only.
        content.set(new TextEncoder().encode(` ${crypto.randomUUID()}`), 16);
        const ref = { id: crypto.randomUUID(), name, type, size: bytes };
        files.put({ ...ref, blob: new Blob([content], { type }), storedAt: new Date().toISOString() });
        return ref;
      });
    }
    const id = crypto.randomUUID();
    const code = id.replace(/-/g, "").slice(0, 8).toUpperCase();
    requests.put({
      id,
      flowId: "aide-medicale",
      flowVersion: 1,
      answers: own,
      // One millisecond apart: the outbox sends the oldest first.
      createdAt: new Date(start + n).toISOString(),
      provisionalReference: `${code.slice(0, 4)}-${code.slice(4)}`,
      status: "ready",
    });
  }
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** Runs in the page: how many requests the device shows as sent. */
async function sentOnDevice(): Promise<number> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("pas-a-pas");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const sent = await new Promise<number>((resolve, reject) => {
    const read = db.transaction("requests").objectStore("requests").index("by-status").count("sent");
    read.onsuccess = () => resolve(read.result);
    read.onerror = () => reject(read.error);
  });
  db.close();
  return sent;
}

async function submissionCount(server: BenchServer): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from submissions`.execute(
    server.services.database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function documentCount(server: BenchServer): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from submission_documents`.execute(
    server.services.database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Milliseconds from `start` until `done` holds, looked at every 20 ms (and the time to look). */
async function waitFor(done: () => Promise<boolean>, start: number): Promise<number> {
  while (!(await done())) {
    if (Date.now() - start > TIMEOUT_MS) throw new Error("the outbox was not drained in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}
