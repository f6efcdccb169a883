/**
 * A request's status and history. A status changes only with its event, in one transaction, and
 * only from the status the change was decided on (compare-and-set): two agents acting at once
 * cannot both move the same request, and the history never misses a step.
 */
import type { Transaction } from "kysely";
import type { Db, Tables } from "./tables";

/** More to write in the transaction of a status change (its audit entry): it fails with the change. */
export type AlsoWrite = (trx: Transaction<Tables>) => Promise<void>;

export interface RequestEvent {
  readonly position: number;
  readonly at: string;
  readonly action: string;
  readonly fromStatus: string;
  readonly toStatus: string;
  readonly actor: string;
  readonly reason: string | null;
}

export interface RequestState {
  readonly id: string;
  readonly flowId: string;
  readonly status: string;
  readonly ownerAccountId: string | null;
}

/** Where a request stands, as its owner reads it: the last change of status and its reason. */
export interface RequestStanding {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly reference: string;
  readonly receivedAt: string;
  readonly status: string;
  readonly ownerAccountId: string | null;
  /** The latest event, if the status ever changed. */
  readonly lastChange: { readonly at: string; readonly reason: string | null } | undefined;
  /** When a task or a message about it last came or was answered; none yet: undefined. */
  readonly exchangesAt: string | undefined;
}

export type StatusChange = Omit<RequestEvent, "position">;

export class RequestEventsRepository {
  constructor(private readonly db: Db) {}

  async state(id: string): Promise<RequestState | undefined> {
    const row = await this.db
      .selectFrom("submissions")
      .select(["id", "flow_id", "status", "owner_account_id"])
      .where("id", "=", id)
      .executeTakeFirst();
    return (
      row && { id: row.id, flowId: row.flow_id, status: row.status, ownerAccountId: row.owner_account_id }
    );
  }

  /** Applies the change if the request is still in `change.fromStatus`; false if it moved meanwhile. */
  async changeStatus(id: string, change: StatusChange, alsoWrite?: AlsoWrite): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("submissions")
        .set({ status: change.toStatus })
        .where("id", "=", id)
        .where("status", "=", change.fromStatus)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return false;
      // The row just updated is locked until the commit: no other change of it numbers its event.
      const last = await trx
        .selectFrom("request_events")
        .select((eb) => eb.fn.max("position").as("position"))
        .where("request_id", "=", id)
        .executeTakeFirst();
      await trx
        .insertInto("request_events")
        .values({
          request_id: id,
          position: Number(last?.position ?? 0) + 1,
          at: change.at,
          action: change.action,
          from_status: change.fromStatus,
          to_status: change.toStatus,
          actor: change.actor,
          reason: change.reason,
        })
        .execute();
      await alsoWrite?.(trx);
      return true;
    });
  }

  async history(id: string): Promise<RequestEvent[]> {
    const rows = await this.db
      .selectFrom("request_events")
      .selectAll()
      .where("request_id", "=", id)
      .orderBy("position")
      .execute();
    return rows.map((row) => ({
      position: row.position,
      at: row.at,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actor: row.actor,
      reason: row.reason,
    }));
  }

  /** Each request's standing, by id; the ids of one account's list at most. */
  async standings(ids: readonly string[]): Promise<RequestStanding[]> {
    if (ids.length === 0) return [];
    const [rows, events, tasks, messages] = await Promise.all([
      this.db
        .selectFrom("submissions")
        .select(["id", "flow_id", "flow_version", "reference", "received_at", "status", "owner_account_id"])
        .where("id", "in", ids)
        .execute(),
      this.db
        .selectFrom("request_events")
        .select(["request_id", "position", "at", "reason"])
        .where("request_id", "in", ids)
        .orderBy("request_id")
        .orderBy("position")
        .execute(),
      this.db
        .selectFrom("request_tasks")
        .select((eb) => ["request_id", eb.fn.max("at").as("at"), eb.fn.max("answered_at").as("answered")])
        .where("request_id", "in", ids)
        .groupBy("request_id")
        .execute(),
      this.db
        .selectFrom("request_messages")
        .select((eb) => ["request_id", eb.fn.max("at").as("at")])
        .where("request_id", "in", ids)
        .groupBy("request_id")
        .execute(),
    ]);
    // The same instants the owner's exchanges carry (shared/api/exchanges-changed.ts computes
    // it from them), so a device fetches them again only when one of them moved.
    const exchangesAt = new Map<string, string>();
    const instants = [
      ...tasks.flatMap((row) => [[row.request_id, row.at] as const, [row.request_id, row.answered] as const]),
      ...messages.map((row) => [row.request_id, row.at] as const),
    ];
    for (const [id, at] of instants)
      if (typeof at === "string" && at > (exchangesAt.get(id) ?? "")) exchangesAt.set(id, at);
    const last = new Map<string, { at: string; reason: string | null }>();
    for (const event of events) last.set(event.request_id, { at: event.at, reason: event.reason });
    return rows.map((row) => ({
      id: row.id,
      flowId: row.flow_id,
      flowVersion: row.flow_version,
      reference: row.reference,
      receivedAt: row.received_at,
      status: row.status,
      ownerAccountId: row.owner_account_id,
      lastChange: last.get(row.id),
      exchangesAt: exchangesAt.get(row.id),
    }));
  }

  /** The ids of an account's requests, newest first, at most `limit`. */
  async idsOwnedBy(accountId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("submissions")
      .select("id")
      .where("owner_account_id", "=", accountId)
      .orderBy("received_at", "desc")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  /** Gives an account-less request to an account; false if it already belongs to another one. */
  async attachOwner(id: string, accountId: string): Promise<boolean> {
    const updated = await this.db
      .updateTable("submissions")
      .set({ owner_account_id: accountId })
      .where("id", "=", id)
      .where((eb) => eb.or([eb("owner_account_id", "is", null), eb("owner_account_id", "=", accountId)]))
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** The requests of an account, for the person's own download of their data. */
  ownedBy(accountId: string) {
    return this.db
      .selectFrom("submissions")
      .select(["id", "reference", "flow_id as flowId", "received_at as receivedAt", "status"])
      .where("owner_account_id", "=", accountId)
      .orderBy("received_at")
      .execute();
  }

  /** An account is deleted: its requests stay with the administration, linked to nobody. */
  async releaseOwner(accountId: string): Promise<void> {
    await this.db
      .updateTable("submissions")
      .set({ owner_account_id: null })
      .where("owner_account_id", "=", accountId)
      .execute();
  }
}
