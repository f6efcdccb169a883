/**
 * The agents' queues, per procedure: to process (received), followed by me, waiting for the
 * citizen, decided; each with its count, filters, sort and server-side pages. A staff member
 * sees only the procedures they process: another procedure's queue is not found, not counted.
 */
import type { ProcessingRepository, QueueQuery, QueueRow, QueueSort } from "../db/processing-repository";
import type { RequestStatus } from "../requests/lifecycle";
import { searchable } from "../requests/queue-facets";
import { mayProcess, type StaffActor } from "../staff/staff-actor";

export const QUEUES = ["to_process", "followed_by_me", "waiting", "decided"] as const;
export type QueueName = (typeof QUEUES)[number];

const OPEN: readonly RequestStatus[] = ["received", "in_review", "awaiting_citizen"];
const QUEUE_STATUSES: Readonly<Record<QueueName, readonly RequestStatus[]>> = {
  to_process: ["received"],
  followed_by_me: OPEN,
  waiting: ["awaiting_citizen"],
  decided: ["accepted", "refused", "closed"],
};

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** What an agent narrows a queue with; all optional, all kept in the page's address later. */
export interface QueueFilters {
  readonly statuses?: readonly RequestStatus[];
  /** Days in Nouméa (yyyy-mm-dd), both inclusive. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly commune?: string;
  /** A staff id, or "none" for requests nobody follows. */
  readonly assignee?: string;
  readonly quotientMin?: number;
  readonly quotientMax?: number;
  readonly underCeiling?: boolean;
  readonly estimate?: "likely" | "unlikely";
  /** Words of a reference or a name, in any case, with or without accents. */
  readonly text?: string;
}

export interface QueueRequest {
  readonly flowId: string;
  readonly queue: QueueName;
  readonly filters?: QueueFilters;
  readonly sort?: QueueSort;
  readonly direction?: "asc" | "desc";
  /** 1, 2, 3… */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface QueuePage {
  readonly rows: QueueRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export type QueueCounts = Readonly<Record<QueueName, number>>;

export class ProcessingQueues {
  constructor(private readonly repository: ProcessingRepository) {}

  /** One page of a queue; undefined when the actor does not process this procedure. */
  async page(actor: StaffActor, request: QueueRequest): Promise<QueuePage | undefined> {
    const query = queueQuery(actor, request.flowId, request.queue, request.filters ?? {});
    if (!query) return undefined;
    const pageSize = Math.min(Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.floor(request.page ?? 1));
    const { rows, total } = await this.repository.page(query, {
      sort: request.sort ?? "received_at",
      // Oldest first by default: the request waiting longest is processed first.
      direction: request.direction ?? "asc",
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { rows, total, page, pageSize };
  }

  /** Every queue's count for the procedure; undefined when the actor does not process it. */
  async counts(actor: StaffActor, flowId: string): Promise<QueueCounts | undefined> {
    if (!mayProcess(actor, flowId)) return undefined;
    const counts = { to_process: 0, followed_by_me: 0, waiting: 0, decided: 0 };
    for (const { status, mine, count } of await this.repository.counts(flowId, actor.staffId)) {
      for (const queue of QUEUES) {
        if (!QUEUE_STATUSES[queue].includes(status as RequestStatus)) continue;
        if (queue === "followed_by_me" && !mine) continue;
        counts[queue] += count;
      }
    }
    return counts;
  }
}

/** The database query for a queue and its filters, or undefined outside the actor's procedures. */
export function queueQuery(
  actor: StaffActor,
  flowId: string,
  queue: QueueName,
  filters: QueueFilters,
): QueueQuery | undefined {
  if (!mayProcess(actor, flowId)) return undefined;
  const inQueue = QUEUE_STATUSES[queue];
  const statuses = filters.statuses ? inQueue.filter((s) => filters.statuses?.includes(s)) : inQueue;
  const assignee =
    queue === "followed_by_me" ? actor.staffId : filters.assignee === "none" ? null : filters.assignee;
  const words = filters.text ? searchable(filters.text).split(" ").filter(Boolean).slice(0, 5) : [];
  return {
    flowId,
    statuses,
    ...(assignee !== undefined ? { assignee } : {}),
    ...(filters.receivedFrom ? { receivedFrom: startOfNoumeaDay(filters.receivedFrom, 0) } : {}),
    ...(filters.receivedTo ? { receivedBefore: startOfNoumeaDay(filters.receivedTo, 1) } : {}),
    ...(filters.commune ? { commune: filters.commune } : {}),
    ...(filters.quotientMin !== undefined ? { quotientMin: filters.quotientMin } : {}),
    ...(filters.quotientMax !== undefined ? { quotientMax: filters.quotientMax } : {}),
    ...(filters.underCeiling !== undefined ? { underCeiling: filters.underCeiling } : {}),
    ...(filters.estimate ? { estimate: filters.estimate } : {}),
    ...(words.length > 0 ? { words } : {}),
  };
}

/** Nouméa is UTC+11 all year (no summer time): a day there starts at 13:00 UTC the day before. */
function startOfNoumeaDay(day: string, plusDays: number): string {
  const start = new Date(`${day}T00:00:00+11:00`);
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start.toISOString();
}
