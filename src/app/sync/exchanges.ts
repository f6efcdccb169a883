/**
 * What the province asked about a sent request, and the messages, between the server and the
 * device: fetched into storage with the files the province joined (the receipt reads them
 * offline afterwards), and the person's answers recorded for the sender, which sends them once.
 * Nothing here throws at the pages: offline, or not the request's owner here, the device's copy
 * stays.
 */
import * as v from "valibot";
import { type CitizenExchanges, CitizenExchangesSchema } from "../../shared/api/agents";
import { apiPaths } from "../../shared/api/paths";
import { type NewAnswer, recordAnswer } from "../storage/answers-of-request";
import { keepExchanges } from "../storage/exchanges";
import { forgetMessageFilesExcept, keepMessageFile, messageFileIds } from "../storage/message-files";
import { sendNow } from "./sender";

/**
 * The province's files kept per request, in all. Many people here pay for their data by the
 * megabyte and have little room on their phone: a scanned letter or two (a few hundred KB each)
 * fits, a file that would pass this opens from the server when the network is there.
 */
const MESSAGE_FILES_BYTES_PER_REQUEST = 5 * 1024 * 1024;

/**
 * Fetches a sent request's tasks and messages into the device, then the files the province
 * joined that are not on it yet (up to MESSAGE_FILES_BYTES_PER_REQUEST), so they open offline;
 * false when the server could not say.
 */
export async function followExchanges(requestId: string): Promise<boolean> {
  let exchanges: CitizenExchanges;
  try {
    const response = await fetch(apiPaths.requestExchanges(requestId), {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return false;
    const parsed = v.safeParse(CitizenExchangesSchema, await response.json());
    if (!parsed.success) return false;
    exchanges = parsed.output;
    await keepExchanges(requestId, exchanges);
  } catch {
    return false;
  }
  await keepProvinceFiles(requestId, exchanges).catch(() => undefined);
  return true;
}

/**
 * The files of the province's messages, oldest first, each one that still fits in what is left
 * of the room; those the server no longer lists are dropped.
 */
async function keepProvinceFiles(requestId: string, exchanges: CitizenExchanges): Promise<void> {
  const files = exchanges.messages.filter((m) => m.from === "staff").flatMap((m) => m.attachments);
  await forgetMessageFilesExcept(requestId, new Set(files.map((file) => file.id)));
  const kept = await messageFileIds(requestId);
  let room = MESSAGE_FILES_BYTES_PER_REQUEST;
  for (const file of files) {
    if (file.size > room) continue;
    room -= file.size;
    if (kept.has(file.id)) continue;
    const response = await fetch(apiPaths.requestAttachment(requestId, file.id));
    // One file gone from the server (or refused) does not keep the others from the phone.
    if (!response.ok) continue;
    await keepMessageFile(requestId, file, await response.blob());
  }
}

/**
 * Keeps the answer on the device (in place of `replaces`, an answer the server refused), then
 * asks the sender to send it (now if online, else later).
 */
export async function sendAnswerWhenOnline(answer: NewAnswer, replaces?: string): Promise<void> {
  await recordAnswer(answer, replaces);
  void sendNow();
}
