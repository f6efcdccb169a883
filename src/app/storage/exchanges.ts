/**
 * What the province asked of the person and the messages about a request, as last fetched, so
 * the receipt shows them offline. Replaced whole at each fetch: the server's copy is the truth.
 */
import type { CitizenExchanges } from "../../shared/api/agents";
import { database } from "./database";

export interface ExchangesRecord extends CitizenExchanges {
  readonly requestId: string;
  readonly fetchedAt: string;
}

/**
 * Keeps what the server just said; once every document left for later has reached it, the
 * request's receipt no longer lists them as due ("Mes démarches" counts them from the record).
 */
export async function keepExchanges(requestId: string, exchanges: CitizenExchanges): Promise<void> {
  const db = await database();
  const tx = db.transaction(["exchanges", "requests"], "readwrite");
  const later = exchanges.tasks.filter((task) => task.origin === "later");
  const allCame = later.length > 0 && later.every((task) => task.answeredAt !== null);
  const request = allCame ? await tx.objectStore("requests").get(requestId) : undefined;
  const { documentsDue: _, ...withoutDue } = request ?? {};
  await Promise.all([
    tx.objectStore("exchanges").put({
      requestId,
      tasks: exchanges.tasks,
      messages: exchanges.messages,
      fetchedAt: new Date().toISOString(),
    }),
    request?.documentsDue ? tx.objectStore("requests").put(withoutDue as typeof request) : undefined,
    tx.done,
  ]);
}

export async function readExchanges(requestId: string): Promise<ExchangesRecord | undefined> {
  return (await database()).get("exchanges", requestId);
}
