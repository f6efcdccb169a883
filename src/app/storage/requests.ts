/**
 * Finished requests. Recording one and deleting its draft happen in one strict transaction:
 * a crash leaves either the draft or the request, never neither.
 */
import type { Answers } from "../../shared/engine/answers";
import { database } from "./database";
import { announceDraftSaved } from "./draft-events";

export interface RequestRecord {
  /** Made on the device when the person submits; the server will use it to recognise a retry. */
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly answers: Answers;
  readonly createdAt: string;
  /** Shown until the administration gives its own reference. */
  readonly provisionalReference: string;
  readonly status: "ready";
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
  const tx = db.transaction(["requests", "drafts"], "readwrite", { durability: "strict" });
  if (!(await tx.objectStore("drafts").get(draftId))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new DraftGone();
  }
  await Promise.all([
    tx.objectStore("requests").put(request),
    tx.objectStore("drafts").delete(draftId),
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
