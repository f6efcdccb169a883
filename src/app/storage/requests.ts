/**
 * Finished requests. Recording one and deleting its draft happen in one strict transaction:
 * a crash leaves either the draft or the request, never neither.
 */
import { apiPaths } from "../../shared/api/paths";
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
  /**
   * The documents the person will send later ("je l'enverrai plus tard"): their label keys, with
   * the flow's namespace. Kept once sent, when the answers are dropped, for the receipt to list.
   */
  readonly documentsDue?: readonly string[];
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
  /** Where the server last said it stands (account-requests.ts), kept to be read offline. */
  readonly standing?: RequestStanding;
  /** The account it belongs to, once the server said so (sent signed in, or attached). */
  readonly accountId?: string;
  /** Listed from the account, sent from another device: forgotten when the account signs out. */
  readonly fromAccount?: true;
  /** The server would not attach it to the account at sign-in: not offered again. */
  readonly attachRefused?: true;
  /**
   * What the province still asks, as its exchanges last fetched said (exchanges.ts writes it):
   * "Mes démarches" lists it from the record, as it counts `documentsDue`.
   */
  readonly openTasks?: readonly OpenTask[];
}

export interface OpenTask {
  readonly id: string;
  readonly kind: "documents" | "correction";
  /** The documents the person chose to send later, asked when the request arrived. */
  readonly later: boolean;
  /** The documents asked for, by the names the province gave them. */
  readonly documents: readonly string[];
  /** The person answered on this device; the province does not have the answer yet. */
  readonly answeredHere?: true;
}

/** A request's status as the server words it (src/shared/api/account-requests.ts). */
export interface RequestStanding {
  readonly status: string;
  readonly changedAt: string;
  readonly reason?: string;
  /** When the province last asked or wrote something about it (the server's clock). */
  readonly exchangesAt?: string;
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

/**
 * The documents a draft kept in the account already uploaded (from this device or another one)
 * are the request's uploads: sent by their upload ids, not sent again.
 */
export async function recordRequest(request: RequestRecord, draftId: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["requests", "drafts", "draft-revisions", "draft-sync"], "readwrite", {
    durability: "strict",
  });
  if (!(await tx.objectStore("drafts").get(draftId))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DraftGone();
  }
  const inAnswers = new Set(documentIds(request.answers));
  const uploaded = ((await tx.objectStore("draft-sync").get(draftId))?.documents ?? []).filter((doc) =>
    inAnswers.has(doc.documentId),
  );
  const uploads = Object.fromEntries(
    uploaded.map((doc) => [
      doc.documentId,
      { url: `${apiPaths.uploads}/${doc.uploadId}`, sha256: doc.sha256, done: true },
    ]),
  );
  await Promise.all([
    tx.objectStore("requests").put(uploaded.length > 0 ? { ...request, uploads } : request),
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
      ...(request.documentsDue ? { documentsDue: request.documentsDue } : {}),
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
 * draft again, in one transaction, so the person can fix it and send it anew. It gets a new id:
 * the server may already know the old one (its uploads), and the new send is a new request.
 * Returns the new draft's id, or undefined when the request is not one to fix.
 */
export async function reopenRequest(
  requestId: string,
): Promise<{ flowId: string; draftId: string } | undefined> {
  const db = await database();
  const tx = db.transaction(["requests", "drafts", "draft-revisions"], "readwrite", { durability: "strict" });
  const request = await tx.objectStore("requests").get(requestId);
  if (request?.status !== "problem") {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const draftId = crypto.randomUUID();
  await Promise.all([
    tx.objectStore("drafts").put({
      id: draftId,
      flowId: request.flowId,
      flowVersion: request.flowVersion,
      answers: request.answers,
      updatedAt: new Date().toISOString(),
      step: "",
      progress: { step: 0, total: 0 },
      owner: null,
      revision: 1,
    }),
    claimRevision(tx.objectStore("draft-revisions"), draftId, 1),
    tx.objectStore("requests").delete(requestId),
    tx.done,
  ]);
  return { flowId: request.flowId, draftId };
}
