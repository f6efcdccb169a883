/**
 * The person's answers as the receipt records and lists them (the sender's side is answers.ts):
 * a new one kept before anything is sent, those of a request, and trying a refused one again.
 */

import { type AnswerRecord, updateAnswer } from "./answers";
import { database } from "./database";

export type NewAnswer = Omit<AnswerRecord, "clientId" | "createdAt" | "status" | "uploads" | "sentAt">;

/**
 * Kept in a strict transaction: once this resolves, the answer survives the page closing.
 * `replaces`: the person's answer the server refused, which this one takes the place of; it
 * goes with its documents' bytes, or it would stay on the device as something still to send.
 */
export async function recordAnswer(answer: NewAnswer, replaces?: string): Promise<AnswerRecord> {
  const record: AnswerRecord = {
    ...answer,
    clientId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    status: "ready",
  };
  const db = await database();
  const tx = db.transaction(["answers", "requests", "files"], "readwrite", { durability: "strict" });
  const request = record.taskId ? await tx.objectStore("requests").get(record.requestId) : undefined;
  const refused = replaces ? await tx.objectStore("answers").get(replaces) : undefined;
  const dropped =
    refused?.status === "problem"
      ? [
          tx.objectStore("answers").delete(refused.clientId),
          ...refused.documents
            .filter(({ ref }) => !answer.documents.some((kept) => kept.ref.id === ref.id))
            .map(({ ref }) => tx.objectStore("files").delete(ref.id)),
        ]
      : [];
  // "Mes démarches" reads the record: the task no longer reads as waiting on the person.
  const openTasks = request?.openTasks?.map((task) =>
    task.id === record.taskId ? { ...task, answeredHere: true as const } : task,
  );
  await Promise.all([
    ...dropped,
    tx.objectStore("answers").put(record),
    request && openTasks ? tx.objectStore("requests").put({ ...request, openTasks }) : undefined,
    tx.done,
  ]);
  return record;
}

/** A request's answers, oldest first: the receipt shows those not sent yet, and what was sent. */
export async function answersOf(requestId: string): Promise<AnswerRecord[]> {
  const all = await (await database()).getAllFromIndex("answers", "by-request", requestId);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The person asks to try a refused answer again (signed in to the right account since, say). */
export function retryAnswer(clientId: string): Promise<void> {
  return updateAnswer(clientId, ({ problem: _, ...answer }) => ({ ...answer, status: "ready" }));
}
