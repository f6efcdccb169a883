/**
 * Outgoing messages go through a table, never inline in a request: a request only enqueues (in
 * its own transaction), and a worker in each server process sends what is due. A message is
 * claimed with a compare-and-set UPDATE on its status and claim time, so two processes on one
 * PostgreSQL database (or one SQLite file) never both send it; a process that dies mid-send
 * loses its claim after CLAIM_MS and another takes over. Failures are retried with exponential
 * backoff until the message expires (a sign-in code is worth nothing after 10 minutes) or
 * MAX_ATTEMPTS is reached. Once sent or given up, its recipient and body are emptied.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Db, Tables } from "../db/tables";
import type { Channel, MessageDriver } from "./message-driver";

export const CLAIM_MS = 60_000;
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 5_000;
const POLL_MS = 2_000;
const BATCH = 10;
/** Expired messages are looked for now and then, not before every claim: one write less per send. */
const EXPIRY_SWEEP_MS = 30_000;

export interface NewMessage {
  readonly channel: Channel;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** After this, the message is not worth sending any more. */
  readonly expiresAt: Date;
}

export type Drivers = Readonly<Record<Channel, MessageDriver>>;

/** After n failed attempts, wait 5 s × 2^(n−1): 5 s, 10 s, 20 s… */
export const retryDelayMs = (attempts: number) => FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1);

export class MessageQueue {
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private stopped = true;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly drivers: Drivers,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds a message; pass the caller's transaction so it is queued only if the rest is kept. */
  async enqueue(message: NewMessage, trx: Transaction<Tables> | Db = this.db): Promise<string> {
    const id = randomUUID();
    const now = this.now().toISOString();
    await trx
      .insertInto("messages")
      .values({
        id,
        channel: message.channel,
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        status: "pending",
        attempts: 0,
        created_at: now,
        next_attempt_at: now,
        claimed_until: null,
        expires_at: message.expiresAt.toISOString(),
        sent_at: null,
        last_error: null,
      })
      .execute();
    return id;
  }

  /** Starts sending in the background; `kick()` after enqueueing sends without waiting for the poll. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  /** Stops polling and waits for a send in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining?.catch(() => {});
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.drain()
        .catch((error: Error) => console.error(`Sending messages failed: ${error.message}`))
        .finally(() => this.stopped || this.schedule(POLL_MS));
    }, delay);
    this.timer.unref();
  }

  /** Sends every message due now; resolves to how many left. One drain at a time per process. */
  drain(): Promise<number> {
    this.draining ??= this.drainOnce().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async drainOnce(): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return sent;
      for (const message of claimed) if (await this.sendOne(message)) sent++;
    }
  }

  private async claim() {
    const now = this.now();
    const nowIso = now.toISOString();
    if (now.getTime() - this.lastSweep >= EXPIRY_SWEEP_MS) {
      this.lastSweep = now.getTime();
      await this.giveUpExpired(nowIso);
    }
    const due = await this.db
      .selectFrom("messages")
      .select(["id", "channel", "recipient", "subject", "body", "attempts"])
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", nowIso)
      .where("expires_at", ">", nowIso)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowIso)]))
      .orderBy("next_attempt_at")
      .limit(BATCH)
      .execute();
    const claimedUntil = new Date(now.getTime() + CLAIM_MS).toISOString();
    const mine: typeof due = [];
    for (const message of due) {
      // Only one process's UPDATE finds the row still unclaimed.
      const result = await this.db
        .updateTable("messages")
        .set({ claimed_until: claimedUntil })
        .where("id", "=", message.id)
        .where("status", "=", "pending")
        .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowIso)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) mine.push(message);
    }
    return mine;
  }

  private async giveUpExpired(nowIso: string): Promise<void> {
    await this.db
      .updateTable("messages")
      .set({ status: "expired", recipient: "", body: "", claimed_until: null })
      .where("status", "=", "pending")
      .where("expires_at", "<=", nowIso)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", nowIso)]))
      .execute();
  }

  private async sendOne(message: {
    id: string;
    channel: Channel;
    recipient: string;
    subject: string;
    body: string;
    attempts: number;
  }): Promise<boolean> {
    const driver = this.drivers[message.channel];
    const attempts = message.attempts + 1;
    try {
      await driver.send({
        id: message.id,
        channel: message.channel,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
    } catch (error) {
      const failed = attempts >= MAX_ATTEMPTS;
      // The driver's reason, cut short: an SMTP error can quote the recipient, never the body.
      const reason = (error as Error).message.replaceAll(message.recipient, "…").slice(0, 200);
      await this.db
        .updateTable("messages")
        .set({
          attempts,
          claimed_until: null,
          last_error: reason,
          next_attempt_at: new Date(this.now().getTime() + retryDelayMs(attempts)).toISOString(),
          ...(failed ? { status: "failed" as const, recipient: "", body: "" } : {}),
        })
        .where("id", "=", message.id)
        .execute();
      console.error(
        `Message ${message.id} (${message.channel}) not sent, attempt ${attempts}${failed ? ", given up" : ""}: ${reason}`,
      );
      return false;
    }
    await this.db
      .updateTable("messages")
      .set({
        status: "sent",
        attempts,
        sent_at: this.now().toISOString(),
        claimed_until: null,
        recipient: "",
        body: "",
        last_error: null,
      })
      .where("id", "=", message.id)
      .execute();
    return true;
  }
}
