/**
 * Where a finished request stands, from what the device recorded and what the sender is doing
 * now. The receipt and "Mes démarches" both word it from this, so they never disagree.
 */
import { REQUEST_STATUS_NAMES, type RequestStatusName } from "../../shared/api/account-requests";
import type { RequestRecord } from "../storage/requests";
import type { LiveStatus } from "../sync/sender";

/** Where the province says a sent request stands, as last fetched from the server. */
export interface Standing {
  readonly status: RequestStatusName;
  readonly changedAt: Date;
  readonly reason?: string;
}

export type RequestState =
  /** standing: what the server last said; without it, only that it was received. */
  | { readonly kind: "sent"; readonly receivedAt: Date; readonly standing?: Standing }
  /** answers: the procedure changed and some answers must be fixed; else someone must help. */
  | { readonly kind: "problem"; readonly answers: boolean }
  /** document: the one being uploaded (1-based) while documents remain, with its percentage. */
  | {
      readonly kind: "sending";
      readonly document?: { readonly done: number; readonly count: number; readonly percent: number };
    }
  /** On the network but not sent yet: the sender tries again by itself. */
  | { readonly kind: "retrying" }
  | { readonly kind: "waiting-network" };

export function requestState(
  request: RequestRecord,
  live: LiveStatus | undefined,
  online: boolean,
): RequestState {
  if (request.status === "sent") {
    const receivedAt = new Date(request.receivedAt ?? request.createdAt);
    const standing = standingOf(request);
    return standing ? { kind: "sent", receivedAt, standing } : { kind: "sent", receivedAt };
  }
  if (request.status === "problem")
    return { kind: "problem", answers: request.problem?.code === "invalid_answers" };
  // Sent or refused a moment ago, and the device's record not read again yet: still "sending",
  // never a "not sent yet" flashed just before the good news.
  if (live?.state === "sent" || live?.state === "problem") return { kind: "sending" };
  if (live?.state === "sending") {
    const { documentsDone, documentsTotal, current } = live.progress;
    return documentsTotal > 0 && documentsDone < documentsTotal
      ? {
          kind: "sending",
          document: { done: documentsDone + 1, count: documentsTotal, percent: Math.round(current * 100) },
        }
      : { kind: "sending" };
  }
  return online ? { kind: "retrying" } : { kind: "waiting-network" };
}

/** The number to give the province: its own once it has the request, the device's until then. */
export function referenceOf(request: RequestRecord): { readonly official: boolean; readonly value: string } {
  return request.status === "sent" && request.reference
    ? { official: true, value: request.reference }
    : { official: false, value: request.provisionalReference };
}

function standingOf(request: RequestRecord): Standing | undefined {
  const stored = request.standing;
  // A status this version of the app has no words for yet (a newer server): "received" is true.
  if (!stored || !(REQUEST_STATUS_NAMES as readonly string[]).includes(stored.status)) return undefined;
  return {
    status: stored.status as RequestStatusName,
    changedAt: new Date(stored.changedAt),
    ...(stored.reason ? { reason: stored.reason } : {}),
  };
}
