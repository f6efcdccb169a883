/**
 * The connected space's posts (PCs enrolled by a mediator), their help calls, and anonymous time
 * per step. A post is known by a random token in its cookie; only the token's sha256 is stored.
 * Nothing here names a person or holds an answer: the board shows where, never who or what.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { randomToken, sha256Hex } from "../accounts/tokens";
import type { Db, HelpCallStatus, Tables } from "../db/tables";

export interface Post {
  readonly id: string;
  readonly name: string;
  readonly inUseSince: string | null;
}

export interface HelpCall {
  readonly id: string;
  readonly postId: string;
  readonly postName: string;
  readonly flowId: string | null;
  readonly stepId: string | null;
  readonly status: HelpCallStatus;
  readonly createdAt: string;
  readonly takenAt: string | null;
}

export interface StepStatistics {
  readonly flowId: string;
  readonly stepId: string;
  readonly helpCalls: number;
  readonly visits: number;
  readonly medianSeconds: number;
  /** Sessions that ended on this step: where people stop. */
  readonly stops: number;
}

/** Seconds beyond which a step visit is not "time spent" any more (the person left the PC). */
const LONGEST_VISIT_SECONDS = 3600;

export class PostsService {
  constructor(
    private readonly db: Db,
    readonly idleSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enrol(name: string, enrolledBy: string): Promise<{ post: Post; token: string }> {
    const token = randomToken();
    const id = randomUUID();
    await this.db
      .insertInto("posts")
      .values({
        id,
        name,
        token_hash: sha256Hex(token),
        enrolled_by: enrolledBy,
        created_at: this.now().toISOString(),
        removed_at: null,
        in_use_since: null,
        step_flow_id: null,
        step_id: null,
        step_since: null,
      })
      .execute();
    return { post: { id, name, inUseSince: null }, token };
  }

  async ofToken(token: string): Promise<Post | undefined> {
    const row = await this.db
      .selectFrom("posts")
      .select(["id", "name", "in_use_since"])
      .where("token_hash", "=", sha256Hex(token))
      .where("removed_at", "is", null)
      .executeTakeFirst();
    return row && { id: row.id, name: row.name, inUseSince: row.in_use_since };
  }

  /** True if the post existed and is now removed. */
  async remove(id: string): Promise<boolean> {
    const now = this.now().toISOString();
    const result = await this.db
      .updateTable("posts")
      .set({ removed_at: now, in_use_since: null, step_flow_id: null, step_id: null, step_since: null })
      .where("id", "=", id)
      .where("removed_at", "is", null)
      .executeTakeFirst();
    await this.closeCallsOf(id);
    return Number(result.numUpdatedRows) > 0;
  }

  async list(): Promise<Post[]> {
    const rows = await this.db
      .selectFrom("posts")
      .select(["id", "name", "in_use_since"])
      .where("removed_at", "is", null)
      .orderBy("name")
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.name, inUseSince: row.in_use_since }));
  }

  /**
   * A person is on the post, on this step: the post is in use from its first activity, and the
   * time spent on the step before is counted for that step, with nothing of the post kept.
   */
  async activity(postId: string, step: { flowId: string; stepId: string } | undefined): Promise<void> {
    const now = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("posts")
        .select(["in_use_since", "step_flow_id", "step_id", "step_since"])
        .where("id", "=", postId)
        .executeTakeFirst();
      if (!row) return;
      const same = row.step_flow_id === step?.flowId && row.step_id === step?.stepId;
      if (!same) await this.recordVisit(trx, row, now, false);
      await trx
        .updateTable("posts")
        .set({
          in_use_since: row.in_use_since ?? now,
          ...(same
            ? {}
            : {
                step_flow_id: step?.flowId ?? null,
                step_id: step?.stepId ?? null,
                step_since: step ? now : null,
              }),
        })
        .where("id", "=", postId)
        .execute();
    });
  }

  /** "J'ai fini", idle, or the browser reopened: the post is free, its open calls closed. */
  async end(postId: string): Promise<void> {
    const now = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("posts")
        .select(["step_flow_id", "step_id", "step_since"])
        .where("id", "=", postId)
        .executeTakeFirst();
      if (row) await this.recordVisit(trx, row, now, true);
      await trx
        .updateTable("posts")
        .set({ in_use_since: null, step_flow_id: null, step_id: null, step_since: null })
        .where("id", "=", postId)
        .execute();
    });
    await this.closeCallsOf(postId);
  }

  /** One open call per post: asking again while one is open keeps the first (and its time). */
  async callForHelp(post: Post, step: { flowId: string; stepId: string } | undefined): Promise<string> {
    const open = await this.openCallOf(post.id);
    if (open) return open.id;
    const id = randomUUID();
    await this.db
      .insertInto("help_calls")
      .values({
        id,
        post_id: post.id,
        flow_id: step?.flowId ?? null,
        step_id: step?.stepId ?? null,
        status: "waiting",
        created_at: this.now().toISOString(),
        taken_at: null,
        closed_at: null,
      })
      .execute();
    return id;
  }

  async openCallOf(postId: string): Promise<{ id: string; status: HelpCallStatus } | undefined> {
    return this.db
      .selectFrom("help_calls")
      .select(["id", "status"])
      .where("post_id", "=", postId)
      .where("status", "!=", "closed")
      .executeTakeFirst();
  }

  async cancelCall(postId: string): Promise<void> {
    await this.closeCallsOf(postId);
  }

  /** "J'arrive": true if the call was waiting. */
  async take(callId: string): Promise<boolean> {
    const result = await this.db
      .updateTable("help_calls")
      .set({ status: "coming", taken_at: this.now().toISOString() })
      .where("id", "=", callId)
      .where("status", "=", "waiting")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async close(callId: string): Promise<boolean> {
    const result = await this.db
      .updateTable("help_calls")
      .set({ status: "closed", closed_at: this.now().toISOString() })
      .where("id", "=", callId)
      .where("status", "!=", "closed")
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The calls still open, oldest first. */
  async openCalls(): Promise<HelpCall[]> {
    const rows = await this.db
      .selectFrom("help_calls")
      .innerJoin("posts", "posts.id", "help_calls.post_id")
      .select([
        "help_calls.id",
        "help_calls.post_id",
        "posts.name",
        "help_calls.flow_id",
        "help_calls.step_id",
        "help_calls.status",
        "help_calls.created_at",
        "help_calls.taken_at",
      ])
      .where("help_calls.status", "!=", "closed")
      .orderBy("help_calls.created_at")
      .execute();
    return rows.map((row) => ({
      id: row.id,
      postId: row.post_id,
      postName: row.name,
      flowId: row.flow_id,
      stepId: row.step_id,
      status: row.status,
      createdAt: row.created_at,
      takenAt: row.taken_at,
    }));
  }

  /** Per procedure and step: help calls, visits, median time spent, sessions that stopped there. */
  async statistics(): Promise<StepStatistics[]> {
    const calls = await this.db
      .selectFrom("help_calls")
      .select(["flow_id", "step_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("flow_id", "is not", null)
      .groupBy(["flow_id", "step_id"])
      .execute();
    const visits = await this.db.selectFrom("step_visits").selectAll().execute();
    const byStep = new Map<
      string,
      { flowId: string; stepId: string; calls: number; seconds: number[]; stops: number }
    >();
    const entry = (flowId: string, stepId: string) => {
      const key = `${flowId}\u0000${stepId}`;
      let found = byStep.get(key);
      if (!found) {
        found = { flowId, stepId, calls: 0, seconds: [], stops: 0 };
        byStep.set(key, found);
      }
      return found;
    };
    for (const call of calls)
      if (call.flow_id && call.step_id) entry(call.flow_id, call.step_id).calls += Number(call.count);
    for (const visit of visits) {
      const found = entry(visit.flow_id, visit.step_id);
      found.seconds.push(visit.seconds);
      if (visit.last_of_session) found.stops += 1;
    }
    return [...byStep.values()]
      .map((s) => ({
        flowId: s.flowId,
        stepId: s.stepId,
        helpCalls: s.calls,
        visits: s.seconds.length,
        medianSeconds: median(s.seconds),
        stops: s.stops,
      }))
      .sort((a, b) => b.helpCalls - a.helpCalls || b.stops - a.stops);
  }

  private async recordVisit(
    trx: Transaction<Tables>,
    row: { step_flow_id: string | null; step_id: string | null; step_since: string | null },
    now: string,
    last: boolean,
  ): Promise<void> {
    if (!row.step_flow_id || !row.step_id || !row.step_since) return;
    const seconds = Math.round((Date.parse(now) - Date.parse(row.step_since)) / 1000);
    if (!Number.isFinite(seconds) || seconds < 0) return;
    await trx
      .insertInto("step_visits")
      .values({
        flow_id: row.step_flow_id,
        step_id: row.step_id,
        seconds: Math.min(seconds, LONGEST_VISIT_SECONDS),
        last_of_session: last ? 1 : 0,
        day: now.slice(0, 10),
      })
      .execute();
  }

  private async closeCallsOf(postId: string): Promise<void> {
    await this.db
      .updateTable("help_calls")
      .set({ status: "closed", closed_at: this.now().toISOString() })
      .where("post_id", "=", postId)
      .where("status", "!=", "closed")
      .execute();
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
}
