/**
 * After "Mes démarches" fetched the account's list: the exchanges of the requests whose tasks or
 * messages moved since the device's copy (the list says when, shared/api/exchanges-changed.ts),
 * fetched one after the other, so the list shows what is asked without opening each receipt and
 * reads it offline afterwards; the others cost nothing on prepaid data. Here with the receipt's
 * exchanges code, in the procedure's pack: the shell has no room for the exchanges' contract.
 */
import { exchangesChanged } from "../../../shared/api/exchanges-changed";
import { readExchanges } from "../../storage/exchanges";
import { listRequests } from "../../storage/requests";
import { followExchanges } from "../../sync/exchanges";

/** How many requests' exchanges were fetched. */
export async function followChangedExchanges(): Promise<number> {
  let fetched = 0;
  for (const request of await listRequests()) {
    if (request.status !== "sent") continue;
    if (!exchangesChanged(request.standing?.exchangesAt, await readExchanges(request.id))) continue;
    if (await followExchanges(request.id)) fetched += 1;
  }
  return fetched;
}
