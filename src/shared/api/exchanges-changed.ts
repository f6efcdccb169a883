/**
 * When a request's exchanges last changed: the latest task asked or answered, or message. The
 * server gives it with the request's status (request-events-repository.ts, by SQL), the device
 * computes it from the copy it holds: a list of requests tells, without fetching each one's
 * exchanges, which have something new — on prepaid data, only those are fetched.
 */
import type { CitizenExchanges } from "./agents";

export function latestExchange(exchanges: CitizenExchanges): string | undefined {
  let latest: string | undefined;
  const instants = [
    ...exchanges.tasks.flatMap((task) => [task.at, task.answeredAt]),
    ...exchanges.messages.map((message) => message.at),
  ];
  for (const at of instants) if (at && (!latest || at > latest)) latest = at;
  return latest;
}

/** Whether the server's instant says there is more than the device's copy holds. */
export function exchangesChanged(serverAt: string | undefined, held: CitizenExchanges | undefined): boolean {
  if (!serverAt) return false;
  const local = held && latestExchange(held);
  return !local || serverAt > local;
}
