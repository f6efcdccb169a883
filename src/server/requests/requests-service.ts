/**
 * Requests, as the rest of the server sees them: sending one (checked against the flow version
 * it was filled in with, recorded exactly once), reading its receipt, moving its status through
 * the lifecycle with its history, and giving it an owner. HTTP routes call this; only this and
 * the repositories under it know how requests are stored.
 */
import {
  ACCOUNT_REQUESTS_LIMIT,
  type AttachedRequests,
  type AttachRequests,
  type RequestStatusView,
} from "../../shared/api/account-requests";
import type { ApiErrorCode } from "../../shared/api/error-codes";
import type { Receipt, SubmissionBody } from "../../shared/api/submission";
import { validateAnswers } from "../../shared/engine/validate";
import type { AlsoWrite, RequestEvent, RequestEventsRepository } from "../db/request-events-repository";
import type { SubmissionsRepository } from "../db/submissions-repository";
import type { FinishedUploadDeps } from "../documents/finished-upload";
import { describeErrors } from "./answer-errors";
import { checkStoredDocuments, matchDocuments } from "./document-checks";
import { fingerprint } from "./fingerprint";
import { laterDocuments } from "./later-documents";
import { isRequestStatus, nextStatus, type RequestAction, type RequestStatus } from "./lifecycle";
import { queueFacets } from "./queue-facets";
import { reportedFields } from "./reported-fields";
import { statusView } from "./request-standing";

export type SubmitOutcome =
  | { readonly kind: "created" | "replayed"; readonly receipt: Receipt }
  | {
      readonly kind: "refused";
      readonly code: ApiErrorCode;
      readonly details?: Readonly<Record<string, unknown>>;
    };

export type StatusChangeOutcome =
  | { readonly ok: true; readonly status: RequestStatus }
  | {
      readonly ok: false;
      readonly problem: "not_found" | "not_allowed" | "reason_required" | "reason_not_expected" | "changed";
    };

export interface RequestsDeps extends FinishedUploadDeps {
  readonly submissions: SubmissionsRepository;
  readonly events: RequestEventsRepository;
}

export class RequestsService {
  constructor(private readonly deps: RequestsDeps) {}

  async submit(id: string, body: SubmissionBody): Promise<SubmitOutcome> {
    const { answers, bodySha256 } = fingerprint(body);
    // A replay is answered before any check: the flow may have changed since the first time.
    const existing = await this.deps.submissions.find(id);
    if (existing) {
      if (existing.bodySha256 !== bodySha256) return refused("submission_conflict");
      return { kind: "replayed", receipt: receiptOf(existing) };
    }

    const { flows } = this.deps;
    const flow = flows.get(body.flowId, body.flowVersion);
    if (!flow) return refused("unknown_flow");
    const errors = validateAnswers(flow, body.answers);
    if (errors.length > 0)
      return refused(
        "invalid_answers",
        reportedFields(errors, (first) => describeErrors(flow, first, flows.french)),
      );
    const { problems, paired } = matchDocuments(flow, body.answers, body.documents);
    if (problems.length > 0)
      return refused(
        "invalid_documents",
        reportedFields(problems, (first) => [...first]),
      );
    const stored = await checkStoredDocuments(this.deps, flow, paired);
    if (!stored.ok) return refused(stored.code, { uploadIds: stored.uploadIds });

    const result = await this.deps.submissions.record(
      {
        id,
        flowId: flow.id,
        flowVersion: flow.version,
        referencePrefix: flow.referencePrefix,
        bodySha256,
        answers,
        documents: body.documents,
        facets: queueFacets(flow, body.answers),
        ...laterDocuments(flow, body.answers, flows.french),
      },
      { checkedNew: true },
    );
    switch (result.outcome) {
      case "created":
      case "replayed":
        return { kind: result.outcome, receipt: receiptOf(result.receipt) };
      case "conflict":
        return refused("submission_conflict");
      case "document_in_use":
        return refused("document_in_use", { uploadIds: result.uploadIds });
    }
  }

  async receipt(id: string): Promise<Receipt | undefined> {
    const found = await this.deps.submissions.find(id);
    return found && receiptOf(found);
  }

  /**
   * The receipt as `accountId` (or nobody) may read it: a request sent without an account is
   * found by its id, the device's secret; once it belongs to an account, only that account's
   * sessions read it, as its status (a stranger who learnt the id learns nothing).
   */
  async receiptFor(id: string, accountId: string | undefined): Promise<Receipt | undefined> {
    const [standing] = await this.deps.events.standings([id]);
    if (standing && standing.ownerAccountId !== null && standing.ownerAccountId !== accountId)
      return undefined;
    return this.receipt(id);
  }

  /**
   * Takes `action` on the request if the lifecycle allows it from its status now; the status and
   * its event are written together, and only if nobody moved the request in between.
   */
  async changeStatus(
    id: string,
    action: RequestAction,
    by: {
      readonly actor: string;
      readonly reason?: string | undefined;
      readonly at?: Date;
      /** Written in the change's transaction (staff's audit entry), only if the change is. */
      readonly alsoWrite?: AlsoWrite;
    },
  ): Promise<StatusChangeOutcome> {
    const state = await this.deps.events.state(id);
    if (!state || !isRequestStatus(state.status)) return { ok: false, problem: "not_found" };
    const check = nextStatus(state.status, action, by.reason);
    if (!check.ok) return check;
    const changed = await this.deps.events.changeStatus(
      id,
      {
        at: (by.at ?? new Date()).toISOString(),
        action,
        fromStatus: state.status,
        toStatus: check.to,
        actor: by.actor,
        reason: by.reason?.trim() || null,
      },
      by.alsoWrite,
    );
    return changed ? { ok: true, status: check.to } : { ok: false, problem: "changed" };
  }

  history(id: string): Promise<RequestEvent[]> {
    return this.deps.events.history(id);
  }

  /** Signing in on a device that sent requests without an account offers to attach them. */
  attachOwner(id: string, accountId: string): Promise<boolean> {
    return this.deps.events.attachOwner(id, accountId);
  }

  /**
   * Attaches the requests a device proves it sent (their id and reference, both from its
   * receipts) to the account, unless another account has them: a request is never taken from
   * its owner, and the answer does not tell a stranger whose it is.
   */
  async attach(accountId: string, proofs: AttachRequests["requests"]): Promise<AttachedRequests> {
    const ids = [...new Set(proofs.map((proof) => proof.id))];
    const found = new Map((await this.deps.events.standings(ids)).map((s) => [s.id, s]));
    const results: AttachedRequests["results"] = [];
    for (const id of ids) {
      const standing = found.get(id);
      const proven = standing && proofs.some((p) => p.id === id && p.reference === standing.reference);
      if (!proven || (standing.ownerAccountId !== null && standing.ownerAccountId !== accountId))
        results.push({ id, outcome: "refused" });
      else if (standing.ownerAccountId === accountId) results.push({ id, outcome: "already" });
      else
        results.push({
          id,
          // Attached by another account between the read and now: theirs, then.
          outcome: (await this.deps.events.attachOwner(id, accountId)) ? "attached" : "refused",
        });
    }
    return { results };
  }

  /** The account's requests, newest first, each where it stands. */
  async ofAccount(accountId: string): Promise<RequestStatusView[]> {
    const ids = await this.deps.events.idsOwnedBy(accountId, ACCOUNT_REQUESTS_LIMIT);
    const byId = new Map((await this.deps.events.standings(ids)).map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const standing = byId.get(id);
      const view = standing && standing.ownerAccountId === accountId ? statusView(standing) : undefined;
      return view ? [view] : [];
    });
  }

  /**
   * One request's standing, for its receipt. An account's request is its owner's only; one sent
   * without an account is read with its id, the capability the device that sent it holds.
   */
  async standingFor(id: string, accountId: string | undefined): Promise<RequestStatusView | undefined> {
    const [standing] = await this.deps.events.standings([id]);
    if (!standing) return undefined;
    if (standing.ownerAccountId !== null && standing.ownerAccountId !== accountId) return undefined;
    return statusView(standing);
  }

  ownedBy(accountId: string) {
    return this.deps.events.ownedBy(accountId);
  }

  /** Deleting an account leaves its requests with the administration, owned by nobody. */
  releaseOwner(accountId: string): Promise<void> {
    return this.deps.events.releaseOwner(accountId);
  }
}

const refused = (code: ApiErrorCode, details?: Record<string, unknown>): SubmitOutcome =>
  details ? { kind: "refused", code, details } : { kind: "refused", code };

/** Only the receipt's fields: the stored row has more (the body's digest) that is nobody's business. */
function receiptOf(receipt: Receipt): Receipt {
  return {
    id: receipt.id,
    reference: receipt.reference,
    receivedAt: receipt.receivedAt,
    status: receipt.status,
  };
}
