/**
 * What the province asked of the person and the messages about a request, as last fetched, so
 * the receipt shows them offline. Replaced whole at each fetch: the server's copy is the truth.
 */
import type { CitizenExchanges } from "../../shared/api/agents";
import { database } from "./database";
import type { OpenTask, RequestRecord } from "./requests";

export interface ExchangesRecord extends CitizenExchanges {
  readonly requestId: string;
  readonly fetchedAt: string;
}

/**
 * Keeps what the server just said, and on the request's record what is still asked (with the
 * tasks answered on this device and not yet sent marked so); once every document left for later
 * has reached the server, the record no longer lists them as due.
 */
export async function keepExchanges(requestId: string, exchanges: CitizenExchanges): Promise<void> {
  const db = await database();
  const tx = db.transaction(["exchanges", "requests", "answers"], "readwrite");
  const later = exchanges.tasks.filter((task) => task.origin === "later");
  const allCame = later.length > 0 && later.every((task) => task.answeredAt !== null);
  const [request, answers] = await Promise.all([
    tx.objectStore("requests").get(requestId),
    tx.objectStore("answers").index("by-request").getAll(requestId),
  ]);
  const answeredHere = new Set(answers.flatMap((answer) => (answer.taskId ? [answer.taskId] : [])));
  const openTasks: OpenTask[] = exchanges.tasks
    .filter((task) => task.answeredAt === null)
    .map((task) => ({
      id: task.id,
      kind: task.kind,
      later: task.origin === "later",
      documents: task.documents.map((doc) => doc.label),
      ...(answeredHere.has(task.id) ? { answeredHere: true as const } : {}),
    }));
  let updated: RequestRecord | undefined;
  if (request) {
    const { documentsDue: _, ...withoutDue } = request;
    updated = { ...(allCame ? withoutDue : request), openTasks };
  }
  await Promise.all([
    tx.objectStore("exchanges").put({
      requestId,
      tasks: exchanges.tasks,
      messages: exchanges.messages,
      fetchedAt: new Date().toISOString(),
    }),
    updated ? tx.objectStore("requests").put(updated) : undefined,
    tx.done,
  ]);
}

export async function readExchanges(requestId: string): Promise<ExchangesRecord | undefined> {
  return (await database()).get("exchanges", requestId);
}
