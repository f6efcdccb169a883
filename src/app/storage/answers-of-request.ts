/**
 * The person's answers as the receipt records and lists them (the sender's side is answers.ts):
 * a new one kept before anything is sent, those of a request, and trying a refused one again.
 */

import { type AnswerRecord, updateAnswer } from "./answers";
import { database } from "./database";

export type NewAnswer = Omit<AnswerRecord, "clientId" | "createdAt" | "status" | "uploads" | "sentAt">;

/** Kept in a strict transaction: once this resolves, the answer survives the page closing. */
export async function recordAnswer(answer: NewAnswer): Promise<AnswerRecord> {
  const record: AnswerRecord = {
    ...answer,
    clientId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    status: "ready",
  };
  const db = await database();
  const tx = db.transaction(["answers", "requests"], "readwrite", { durability: "strict" });
  const request = record.taskId ? await tx.objectStore("requests").get(record.requestId) : undefined;
  // "Mes démarches" reads the record: the task no longer reads as waiting on the person.
  const openTasks = request?.openTasks?.map((task) =>
    task.id === record.taskId ? { ...task, answeredHere: true as const } : task,
  );
  await Promise.all([
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
