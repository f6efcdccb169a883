/**
 * The files the province joined to its messages about a sent request, kept on the device when
 * the exchanges are fetched, so the person opens them offline as they read the messages. They go
 * with the request's exchanges: at sign-out for the account's requests, and with everything else
 * ("erase everything", the end of a session on a shared post).
 */
import type { MessageAttachmentView } from "../../shared/api/agents";
import { database } from "./database";

export interface MessageFileRecord extends MessageAttachmentView {
  readonly requestId: string;
  readonly blob: Blob;
  readonly fetchedAt: string;
}

/** The ids of the request's files already on the device. */
export async function messageFileIds(requestId: string): Promise<Set<string>> {
  const keys = await (await database()).getAllKeysFromIndex("message-files", "by-request", requestId);
  return new Set(keys);
}

export async function keepMessageFile(
  requestId: string,
  file: MessageAttachmentView,
  blob: Blob,
): Promise<void> {
  await (await database()).put("message-files", {
    ...file,
    requestId,
    blob,
    fetchedAt: new Date().toISOString(),
  });
}

export async function readMessageFile(id: string): Promise<MessageFileRecord | undefined> {
  return (await database()).get("message-files", id);
}

/** Drops the request's files that are not among `still` (a message the server no longer lists). */
export async function forgetMessageFilesExcept(requestId: string, still: ReadonlySet<string>): Promise<void> {
  const db = await database();
  const tx = db.transaction("message-files", "readwrite");
  const keys = await tx.store.index("by-request").getAllKeys(requestId);
  await Promise.all([...keys.filter((key) => !still.has(key)).map((key) => tx.store.delete(key)), tx.done]);
}
