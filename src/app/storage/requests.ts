/**
 * Finished requests. Recording one and deleting its draft happen in one strict transaction:
 * a crash leaves either the draft or the request, never neither.
 */
import type { Answers } from "../../shared/engine/answers";
import { database } from "./database";
import { documentIds } from "./document-ids";
import { announceDraftSaved } from "./draft-events";
import { claimRevision, forgetRevisions } from "./draft-revisions";

export interface RequestRecord {
  /** Made on the device when the person submits; the server will use it to recognise a retry. */
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly answers: Answers;
  readonly createdAt: string;
  /** Shown until the administration gives its own reference. */
  readonly provisionalReference: string;
  /** ready: waiting to be sent (or being sent); sent: the server confirmed it; problem: someone must act. */
  readonly status: "ready" | "sent" | "problem";
  /** Uploads started for its documents, by device file id, so an interrupted one resumes. */
  readonly uploads?: Readonly<
    Record<string, { readonly url: string; readonly sha256?: string; readonly done: boolean }>
  >;
  /** The administration's reference and when it received the request, once sent. */
  readonly reference?: string;
  readonly receivedAt?: string;
  /** What went wrong when the person must act (a 422 after a flow change, a refused file). */
  readonly problem?: { readonly code: string; readonly fields?: readonly { path: string; code: string }[] };
}

/** A short code a person can read out to a mediator: 8 characters from the request id. */
export function provisionalReference(id: string): string {
  const code = id.replace(/-/g, "").slice(0, 8).toUpperCase();
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Refused: the draft was sent or deleted from another tab, so sending it here would make a second request. */
export class DraftGone extends Error {
  constructor() {
    super("the draft is no longer on this device");
    this.name = "DraftGone";
  }
}

export async function recordRequest(request: RequestRecord, draftId: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["requests", "drafts", "draft-revisions"], "readwrite", { durability: "strict" });
  if (!(await tx.objectStore("drafts").get(draftId))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DraftGone();
  }
  await Promise.all([
    tx.objectStore("requests").put(request),
    tx.objectStore("drafts").delete(draftId),
    forgetRevisions(tx.objectStore("draft-revisions"), draftId),
    tx.done,
  ]);
  announceDraftSaved(draftId, Number.POSITIVE_INFINITY);
}

export async function readRequest(id: string): Promise<RequestRecord | undefined> {
  const db = await database();
  return db.get("requests", id);
}

/** Requests recorded on the device and not yet sent. */
export async function requestsToSend(): Promise<RequestRecord[]> {
  const db = await database();
  return db.getAllFromIndex("requests", "by-status", "ready");
}

export async function listRequests(): Promise<RequestRecord[]> {
  const db = await database();
  const requests = await db.getAll("requests");
  return requests.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

async function updateRequest(id: string, change: (request: RequestRecord) => RequestRecord): Promise<void> {
  const db = await database();
  const tx = db.transaction("requests", "readwrite", { durability: "strict" });
  const request = await tx.store.get(id);
  await Promise.all([request ? tx.store.put(change(request)) : undefined, tx.done]);
}

export function rememberUpload(
  requestId: string,
  fileId: string,
  upload: { url: string; sha256?: string; done: boolean },
): Promise<void> {
  return updateRequest(requestId, (request) => ({
    ...request,
    uploads: { ...request.uploads, [fileId]: upload },
  }));
}

export function forgetUpload(requestId: string, fileId: string): Promise<void> {
  return updateRequest(requestId, (request) => {
    const { [fileId]: _, ...uploads } = request.uploads ?? {};
    return { ...request, uploads };
  });
}

export function markProblem(
  requestId: string,
  problem: NonNullable<RequestRecord["problem"]>,
): Promise<void> {
  return updateRequest(requestId, (request) => ({ ...request, status: "problem", problem }));
}

/**
 * The server has the request: keep the receipt, drop the answers and the documents' bytes from
 * the device in the same transaction (they are the administration's to keep now).
 */
export async function markSent(requestId: string, reference: string, receivedAt: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["requests", "files"], "readwrite", { durability: "strict" });
  const request = await tx.objectStore("requests").get(requestId);
  if (!request) {
    await tx.done;
    return;
  }
  const files = tx.objectStore("files");
  await Promise.all([
    ...documentIds(request.answers).map((fileId) => files.delete(fileId)),
    tx.objectStore("requests").put({
      id: request.id,
      flowId: request.flowId,
      flowVersion: request.flowVersion,
      createdAt: request.createdAt,
      provisionalReference: request.provisionalReference,
      answers: {},
      status: "sent",
      reference,
      receivedAt,
    }),
    tx.done,
  ]);
}

/**
 * A request the server refused for its answers (the procedure changed meanwhile) becomes a
 * draft again, in one transaction, so the person can fix it and send it anew. Refused when a
 * draft of the same procedure is already on the device: neither is overwritten.
 */
export async function reopenRequest(requestId: string): Promise<string | undefined> {
  const db = await database();
  const tx = db.transaction(["requests", "drafts", "draft-revisions"], "readwrite", { durability: "strict" });
  const request = await tx.objectStore("requests").get(requestId);
  const existing = request && (await tx.objectStore("drafts").get(request.flowId));
  if (request?.status !== "problem" || existing) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  await Promise.all([
    tx.objectStore("drafts").put({
      id: request.flowId,
      flowId: request.flowId,
      flowVersion: request.flowVersion,
      answers: request.answers,
      updatedAt: new Date().toISOString(),
      step: "",
      progress: { step: 0, total: 0 },
      owner: null,
      revision: 1,
    }),
    claimRevision(tx.objectStore("draft-revisions"), request.flowId, 1),
    tx.objectStore("requests").delete(requestId),
    tx.done,
  ]);
  return request.flowId;
}
