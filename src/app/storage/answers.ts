/**
 * The person's answers to the province about a sent request — documents, words and corrected
 * answers for a task, or a message — waiting to be sent, then kept as sent. Each has its client id, made here once:
 * the server keeps an answer once whatever the number of tries. The documents' bytes are in
 * `files` (as a draft's are) until the server has the answer, then dropped with it, in one
 * transaction, as a request's are once sent.
 */
import type { TaskAnswerBody } from "../../shared/api/agents";
import type { DocumentRef } from "../../shared/engine/validate";
import { database } from "./database";

export interface AnswerDocument {
  readonly fieldId: string;
  readonly ref: DocumentRef;
}

export type CorrectedAnswers = NonNullable<TaskAnswerBody["corrections"]>;

export interface AnswerRecord {
  /** Made on the device when the person sends; the server recognises a retry by it. */
  readonly clientId: string;
  readonly requestId: string;
  /** The request's procedure and version: a document's upload names them, for the server's rules. */
  readonly flowId: string;
  readonly flowVersion: number;
  /** A task's answer, or (no task) a message. */
  readonly taskId?: string;
  readonly documents: readonly AnswerDocument[];
  readonly text?: string;
  /**
   * The answers a correction names, as the person left them (null: cleared), by field id. They
   * leave the device with the confirmation, as a sent request's answers do.
   */
  readonly corrections?: CorrectedAnswers;
  readonly createdAt: string;
  /** ready: waiting to be sent (or being sent); sent: the server has it; problem: it refused it. */
  readonly status: "ready" | "sent" | "problem";
  readonly problem?: string;
  /** Uploads started for its documents, by device file id, so an interrupted one resumes. */
  readonly uploads?: Readonly<
    Record<string, { readonly url: string; readonly sha256?: string; readonly done: boolean }>
  >;
  readonly sentAt?: string;
}

/** Waiting to be sent, oldest first. */
export async function answersToSend(): Promise<AnswerRecord[]> {
  const ready = await (await database()).getAllFromIndex("answers", "by-status", "ready");
  return ready.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function updateAnswer(clientId: string, change: (answer: AnswerRecord) => AnswerRecord) {
  const db = await database();
  const tx = db.transaction("answers", "readwrite", { durability: "strict" });
  const answer = await tx.store.get(clientId);
  await Promise.all([answer ? tx.store.put(change(answer)) : undefined, tx.done]);
}

export function rememberAnswerUpload(
  clientId: string,
  fileId: string,
  upload: { url: string; sha256?: string; done: boolean },
): Promise<void> {
  return updateAnswer(clientId, (answer) => ({
    ...answer,
    uploads: { ...answer.uploads, [fileId]: upload },
  }));
}

export function forgetAnswerUpload(clientId: string, fileId: string): Promise<void> {
  return updateAnswer(clientId, (answer) => {
    const { [fileId]: _, ...uploads } = answer.uploads ?? {};
    return { ...answer, uploads };
  });
}

export function markAnswerProblem(clientId: string, problem: string): Promise<void> {
  return updateAnswer(clientId, (answer) => ({ ...answer, status: "problem", problem }));
}

/** The server has it: its documents' bytes leave the device with the answer's "ready" state. */
export async function markAnswerSent(clientId: string): Promise<void> {
  const db = await database();
  const tx = db.transaction(["answers", "files"], "readwrite", { durability: "strict" });
  const answer = await tx.objectStore("answers").get(clientId);
  if (!answer) {
    await tx.done;
    return;
  }
  const files = tx.objectStore("files");
  const { uploads: _, problem: __, corrections: ___, ...kept } = answer;
  await Promise.all([
    ...answer.documents.map(({ ref }) => files.delete(ref.id)),
    tx.objectStore("answers").put({ ...kept, status: "sent", sentAt: new Date().toISOString() }),
    tx.done,
  ]);
}
