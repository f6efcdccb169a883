/**
 * A request's status and history. A status changes only with its event, in one transaction, and
 * only from the status the change was decided on (compare-and-set): two agents acting at once
 * cannot both move the same request, and the history never misses a step.
 */
import type { Db } from "./tables";

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
  async changeStatus(id: string, change: StatusChange): Promise<boolean> {
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
}
