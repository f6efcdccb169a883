import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAccountConfig } from "../../../src/server/account-config";
import type { MessageDriver, OutgoingMessage } from "../../../src/server/messages/message-driver";
import { MAX_ATTEMPTS, MessageQueue } from "../../../src/server/messages/message-queue";
import { OutboxDriver } from "../../../src/server/messages/outbox-driver";
import { type ApiServices, openServices } from "../../../src/server/services";
import { testClock } from "./support/accounts";
import { createTestDatabase, DATABASES, reportSkippedPostgres, type TestDatabase } from "./support/databases";

reportSkippedPostgres();

/** A driver that fails its first `failures` sends, and records what it sent. */
class ScriptedDriver implements MessageDriver {
  readonly description = "kept in memory";
  readonly sent: OutgoingMessage[] = [];
  constructor(
    private failures: number,
    private readonly delayMs = 0,
  ) {}
  async send(message: OutgoingMessage): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.failures > 0) {
      this.failures--;
      throw new Error(`refused for ${message.to}`);
    }
    this.sent.push(message);
  }
}

const message = (expiresAt: Date) => ({
  channel: "email" as const,
  to: "ana@example.nc",
  subject: "Votre code",
  text: "Votre code : 123456",
  expiresAt,
});

describe.each(DATABASES)("the queue of messages on %s", (name) => {
  let dataDir: string;
  let database: TestDatabase;
  const open = (options: Parameters<typeof openServices>[1] = {}) =>
    openServices(
      { dataDir, database: database.config, maxBodyBytes: 1 << 20, accounts: readAccountConfig({}) },
      { database: database.options, ...options },
    );
  let services: ApiServices;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-queue-"));
    database = await createTestDatabase(name, dataDir);
    services = await open();
  });
  afterAll(async () => {
    await services.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("sends a code queued before a restart once the server is back", async () => {
    const first = await open();
    const asked = await first.account.codes.request("restart@example.nc", "client-a");
    expect(asked.ok).toBe(true);
    // The process stops before its worker sent anything.
    await first.close();
    const outbox = join(dataDir, "outbox");
    expect(existsSync(outbox)).toBe(false);

    const second = await open();
    try {
      expect(await second.account.queue.drain()).toBe(1);
      const files = readdirSync(outbox).filter((file) => file.endsWith(".json"));
      expect(files).toHaveLength(1);
      const sent = JSON.parse(readFileSync(join(outbox, files[0] as string), "utf8"));
      expect(sent).toMatchObject({ channel: "email", to: "restart@example.nc" });
      expect(sent.text).toMatch(/\b\d{6}\b/);
      // Sent once: a third start finds nothing more to send.
      expect(await second.account.queue.drain()).toBe(0);
    } finally {
      await second.close();
    }
  });

  it("tries again with a growing delay, and keeps neither address nor text once sent", async () => {
    const clock = testClock();
    const driver = new ScriptedDriver(2);
    const queue = new MessageQueue(services.database.db, { email: driver, sms: driver }, clock.now);
    const id = await queue.enqueue(message(new Date(clock.now().getTime() + 600_000)));
    expect(await queue.drain()).toBe(0);
    clock.advanceMinutes(4 / 60); // 4 s: before the first retry (5 s)
    expect(await queue.drain()).toBe(0);
    expect(driver.sent).toHaveLength(0);
    clock.advanceMinutes(1 / 60);
    expect(await queue.drain()).toBe(0); // second failure; next retry after 10 s
    clock.advanceMinutes(9 / 60);
    expect(await queue.drain()).toBe(0);
    clock.advanceMinutes(1 / 60);
    expect(await queue.drain()).toBe(1);
    expect(driver.sent.map((m) => m.id)).toEqual([id]);
    const row = await services.database.db
      .selectFrom("messages")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "sent", attempts: 3, recipient: "", body: "" });
    expect(row.last_error).toBeNull();
  });

  it("never sends a message twice when two processes drain the same queue", async () => {
    const slowA = new ScriptedDriver(0, 30);
    const slowB = new ScriptedDriver(0, 30);
    const a = new MessageQueue(services.database.db, { email: slowA, sms: slowA });
    const b = new MessageQueue(services.database.db, { email: slowB, sms: slowB });
    const expires = new Date(Date.now() + 600_000);
    const ids = await Promise.all(Array.from({ length: 12 }, () => a.enqueue(message(expires))));
    const [sentByA, sentByB] = await Promise.all([a.drain(), b.drain()]);
    expect(sentByA + sentByB).toBe(12);
    const sentIds = [...slowA.sent, ...slowB.sent].map((m) => m.id).sort();
    expect(sentIds).toEqual([...ids].sort());
  });

  it("gives up a message past its expiry or after the last attempt, and forgets its text", async () => {
    const clock = testClock();
    const failing = new ScriptedDriver(1000);
    const queue = new MessageQueue(services.database.db, { email: failing, sms: failing }, clock.now);
    const late = await queue.enqueue(message(new Date(clock.now().getTime() + 60_000)));
    const doomed = await queue.enqueue(message(new Date(clock.now().getTime() + 10 * 24 * 3600_000)));
    clock.advanceMinutes(2);
    await queue.drain();
    for (let attempt = 1; attempt < MAX_ATTEMPTS + 1; attempt++) {
      clock.advanceMinutes(60);
      await queue.drain();
    }
    const rows = await services.database.db
      .selectFrom("messages")
      .select(["id", "status", "body", "recipient", "attempts"])
      .where("id", "in", [late, doomed])
      .execute();
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[late]).toMatchObject({ status: "expired", body: "", recipient: "" });
    expect(byId[doomed]).toMatchObject({ status: "failed", body: "", recipient: "", attempts: MAX_ATTEMPTS });
  });
});

describe("the outbox driver", () => {
  it("writes one whole JSON file per message", async () => {
    const directory = mkdtempSync(join(tmpdir(), "pas-a-pas-outbox-"));
    try {
      const driver = new OutboxDriver(join(directory, "outbox"));
      await driver.send({ id: "m1", channel: "sms", to: "+687791234", subject: "s", text: "t" });
      const files = readdirSync(join(directory, "outbox"));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/m1\.json$/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
