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

export async function keepExchanges(requestId: string, exchanges: CitizenExchanges): Promise<void> {
  const db = await database();
  await db.put("exchanges", {
    requestId,
    tasks: exchanges.tasks,
    messages: exchanges.messages,
    fetchedAt: new Date().toISOString(),
  });
}

export async function readExchanges(requestId: string): Promise<ExchangesRecord | undefined> {
  return (await database()).get("exchanges", requestId);
}

/** Every request's, for "Mes démarches" to say which ones wait for the person. */
export async function listExchanges(): Promise<ExchangesRecord[]> {
  return (await database()).getAll("exchanges");
}
