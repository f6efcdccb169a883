/**
 * What the province asked about a sent request, and the messages, between the server and the
 * device: fetched into storage (the receipt reads it offline afterwards), and the person's
 * answers recorded for the sender, which sends them once. Nothing here throws at the pages:
 * offline, or not the request's owner here, the device's copy stays.
 */
import * as v from "valibot";
import { CitizenExchangesSchema } from "../../shared/api/agents";
import { apiPaths } from "../../shared/api/paths";
import { type NewAnswer, recordAnswer } from "../storage/answers-of-request";
import { keepExchanges } from "../storage/exchanges";
import { sendNow } from "./sender";

/** Fetches a sent request's tasks and messages into the device; false when the server could not say. */
export async function followExchanges(requestId: string): Promise<boolean> {
  try {
    const response = await fetch(apiPaths.requestExchanges(requestId), {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return false;
    const parsed = v.safeParse(CitizenExchangesSchema, await response.json());
    if (!parsed.success) return false;
    await keepExchanges(requestId, parsed.output);
    return true;
  } catch {
    return false;
  }
}

/** Keeps the answer on the device, then asks the sender to send it (now if online, else later). */
export async function sendAnswerWhenOnline(answer: NewAnswer): Promise<void> {
  await recordAnswer(answer);
  void sendNow();
}
