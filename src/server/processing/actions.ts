/**
 * What an agent does to a request: read it, follow it (assign it to themselves), transfer it to
 * a colleague, move its status through the lifecycle, write private notes, assign a filtered
 * queue in bulk. Each checks that the staff member processes the request's procedure (another
 * procedure's request is "not found"), and each writes its audit entry in its own transaction.
 */
import { BULK_ASSIGN_LIMIT } from "../../shared/api/agents";
import type { Note, ProcessingRepository, QueueRow } from "../db/processing-repository";
import type { RequestEvent } from "../db/request-events-repository";
import type { RequestAction } from "../requests/lifecycle";
import type { RequestsService, StatusChangeOutcome } from "../requests/requests-service";
import { mayProcess, type StaffActor } from "../staff/staff-actor";
import { type AuditAction, auditEntry } from "./audit";
import type { CitizenNotices } from "./citizen-notices";
import { type QueueFilters, type QueueName, queueQuery } from "./queues";

export interface ProcessingDeps {
  readonly repository: ProcessingRepository;
  readonly requests: RequestsService;
  /** Whether a colleague processes the procedure (an agent of it, account not disabled). */
  readonly colleagueProcesses?: (staffId: string, flowId: string) => Promise<boolean>;
  /** The procedure's agents (accounts not disabled), by name. */
  readonly agentsOf?: (flowId: string) => Promise<readonly Colleague[]>;
  /** Tells the citizen of each status change, in the change's transaction. */
  readonly notices?: CitizenNotices;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

export interface Colleague {
  readonly id: string;
  readonly name: string;
}

export interface RequestFile {
  readonly request: QueueRow;
  /** The answers as sent, or as the citizen corrected them since (JSON), for the review sections. */
  readonly answers: unknown;
  /** The flow version the request was sent with. */
  readonly flowVersion: number;
  readonly history: RequestEvent[];
  readonly notes: Note[];
}

/** The status actions staff take; "citizen_answered" is the citizen's. */
export type StaffStatusAction = Exclude<RequestAction, "citizen_answered">;

export type ActionOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly problem: "not_found" | "note_empty" | "note_too_long" | "not_an_agent_of_procedure";
    };

export const NOTE_MAX_LENGTH = 5000;

export class ProcessingActions {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ProcessingDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /** The request with its history and notes, the read itself audited; undefined if not the actor's. */
  async read(actor: StaffActor, id: string): Promise<RequestFile | undefined> {
    const request = await this.scoped(actor, id);
    if (!request) return undefined;
    const [history, notes] = await Promise.all([
      this.deps.requests.history(id),
      this.deps.repository.notes(id),
    ]);
    await this.deps.repository.transaction((writes) =>
      writes.audit([auditEntry(actor, "read", id, this.now())]),
    );
    const { answers, flowVersion, ...row } = request;
    return { request: row, answers: JSON.parse(answers), flowVersion, history, notes };
  }

  /** "Suivre": the actor follows the request from now on. */
  follow(actor: StaffActor, id: string): Promise<ActionOutcome> {
    return this.assign(actor, id, actor.staffId, "follow");
  }

  /** Whom the actor may hand a request of this procedure to; undefined outside their procedures. */
  async colleagues(actor: StaffActor, flowId: string): Promise<readonly Colleague[] | undefined> {
    if (!mayProcess(actor, flowId)) return undefined;
    return (await this.deps.agentsOf?.(flowId)) ?? [];
  }

  /** Hands the request to a colleague, who must be an agent of its procedure. */
  async transfer(actor: StaffActor, id: string, toStaffId: string): Promise<ActionOutcome> {
    const request = await this.scoped(actor, id);
    if (!request) return { ok: false, problem: "not_found" };
    if (!(await this.colleagueProcesses(toStaffId, request.flowId)))
      return { ok: false, problem: "not_an_agent_of_procedure" };
    return this.assign(actor, id, toStaffId, "transfer");
  }

  /**
   * Moves the request through the lifecycle (déposée → en instruction → acceptée, refusée,
   * classée sans suite); the lifecycle says which moves are allowed and when a reason is needed.
   * The audit entry is written in the status change's own transaction.
   */
  async changeStatus(
    actor: StaffActor,
    id: string,
    action: StaffStatusAction,
    reason?: string,
  ): Promise<StatusChangeOutcome> {
    const request = await this.scoped(actor, id);
    if (!request) return { ok: false, problem: "not_found" };
    const at = this.now();
    const changed = await this.deps.requests.changeStatus(id, action, {
      actor: `staff:${actor.staffId}`,
      reason,
      at,
      alsoWrite: async (trx) => {
        const writes = this.deps.repository.writes(trx);
        await writes.audit([auditEntry(actor, action, id, at, reason?.trim() || null)]);
        await this.deps.notices?.notify(trx, id, "requestStatus");
        await this.deps.repository.beforeCommit();
      },
    });
    if (changed.ok) this.deps.notices?.kick();
    return changed;
  }

  /** A private note: seen by staff of the procedure only, never by the citizen. */
  async addNote(actor: StaffActor, id: string, text: string): Promise<ActionOutcome> {
    const trimmed = text.trim();
    if (trimmed === "") return { ok: false, problem: "note_empty" };
    if (trimmed.length > NOTE_MAX_LENGTH) return { ok: false, problem: "note_too_long" };
    if (!(await this.scoped(actor, id))) return { ok: false, problem: "not_found" };
    const at = this.now();
    await this.deps.repository.transaction(async (writes) => {
      await writes.addNote({
        id: this.newId(),
        requestId: id,
        staffId: actor.staffId,
        at: at.toISOString(),
        text: trimmed,
      });
      await writes.audit([auditEntry(actor, "note", id, at)]);
    });
    return { ok: true };
  }

  /**
   * Assigns every request of a filtered queue (at most BULK_ASSIGN_LIMIT, oldest first) to one staff
   * member, in one transaction with one audit entry each. Undefined outside the actor's procedures.
   */
  async bulkAssign(
    actor: StaffActor,
    target: { readonly flowId: string; readonly queue: QueueName; readonly filters?: QueueFilters },
    toStaffId: string,
  ): Promise<{ readonly assigned: number } | "not_an_agent_of_procedure" | undefined> {
    const query = queueQuery(actor, target.flowId, target.queue, target.filters ?? {});
    if (!query) return undefined;
    if (!(await this.colleagueProcesses(toStaffId, target.flowId))) return "not_an_agent_of_procedure";
    const ids = await this.deps.repository.ids(query, BULK_ASSIGN_LIMIT);
    const at = this.now();
    return this.deps.repository.transaction(async (writes) => {
      let assigned = 0;
      for (const id of ids) if (await writes.assign(id, target.flowId, toStaffId)) assigned++;
      await writes.audit(ids.map((id) => auditEntry(actor, "bulk_assign", id, at, toStaffId)));
      return { assigned };
    });
  }

  private async assign(
    actor: StaffActor,
    id: string,
    staffId: string,
    action: AuditAction,
  ): Promise<ActionOutcome> {
    const request = await this.scoped(actor, id);
    if (!request) return { ok: false, problem: "not_found" };
    const at = this.now();
    const done = await this.deps.repository.transaction(async (writes) => {
      if (!(await writes.assign(id, request.flowId, staffId))) return false;
      await writes.audit([auditEntry(actor, action, id, at, action === "transfer" ? staffId : null)]);
      return true;
    });
    return done ? { ok: true } : { ok: false, problem: "not_found" };
  }

  private colleagueProcesses(staffId: string, flowId: string): Promise<boolean> {
    return this.deps.colleagueProcesses?.(staffId, flowId) ?? Promise.resolve(true);
  }

  /** The request if the actor processes its procedure: to anyone else it does not exist. */
  private async scoped(actor: StaffActor, id: string) {
    const request = await this.deps.repository.request(id);
    return request && mayProcess(actor, request.flowId) ? request : undefined;
  }
}
