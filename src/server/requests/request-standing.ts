/**
 * A request's standing as its owner reads it ("Mes démarches", the receipt): the status in the
 * shared contract's words, when it last changed, and the reason that came with it. Agents' notes
 * on other changes (starting the review) are theirs, not the citizen's.
 */
import type { RequestStatusName, RequestStatusView } from "../../shared/api/account-requests";
import type { RequestStanding } from "../db/request-events-repository";
import { isRequestStatus, type RequestStatus } from "./lifecycle";

/** The person is told why when a status comes with a reason (a decision, or what is asked of them). */
const TOLD_WHY: ReadonlySet<RequestStatus> = new Set(["awaiting_citizen", "accepted", "refused", "closed"]);

// A status added to lifecycle.ts without its name in the contract is a type error here.
const inContract = (status: RequestStatus): RequestStatusName => status;

export function statusView(standing: RequestStanding): RequestStatusView | undefined {
  // A row with a status the lifecycle does not know would be a bug: better unlisted than misworded.
  if (!isRequestStatus(standing.status)) return undefined;
  const reason = TOLD_WHY.has(standing.status) ? standing.lastChange?.reason : null;
  return {
    id: standing.id,
    flowId: standing.flowId,
    flowVersion: standing.flowVersion,
    reference: standing.reference,
    sentAt: standing.receivedAt,
    status: inContract(standing.status),
    statusChangedAt: standing.lastChange?.at ?? standing.receivedAt,
    ...(reason ? { reason } : {}),
    ...(standing.exchangesAt ? { exchangesAt: standing.exchangesAt } : {}),
  };
}
