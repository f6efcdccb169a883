/**
 * Works through the requests recorded on this device, oldest first, until one cannot be sent
 * now. A request leaves the outbox only when the server has confirmed it (markSent, in the same
 * transaction that drops its answers and files); a problem parks it for the person to act on.
 */
import { readFile } from "../storage/files";
import { forgetUpload, markProblem, markSent, rememberUpload, requestsToSend } from "../storage/requests";
import { type SendOutcome, type SendProgress, sendRequest, type Transport } from "./send-request";

export interface OutboxListener {
  progress(requestId: string, progress: SendProgress): void;
  outcome(requestId: string, outcome: SendOutcome): void;
}

const deviceFiles = {
  readFile: async (id: string) => (await readFile(id))?.blob,
  rememberUpload,
  forgetUpload,
};

/** The requests to send that this drain has not tried yet, oldest first. */
async function untried(tried: ReadonlySet<string>) {
  const waiting = (await requestsToSend()).filter((request) => !tried.has(request.id));
  return waiting.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * "done" when nothing is left to send now; "retry" when the network or the server failed. The
 * outbox is read again before giving up the lock: a request recorded meanwhile, in this tab or
 * another (which found the lock taken), leaves now rather than at the next nudge.
 */
export async function drainOutbox(transport: Transport, listener: OutboxListener): Promise<"done" | "retry"> {
  const tried = new Set<string>();
  for (let waiting = await untried(tried); waiting.length > 0; waiting = await untried(tried))
    for (const request of waiting) {
      tried.add(request.id);
      const outcome = await sendRequest(request, transport, deviceFiles, (p) =>
        listener.progress(request.id, p),
      );
      if (outcome.kind === "sent") await markSent(request.id, outcome.reference, outcome.receivedAt);
      if (outcome.kind === "problem")
        await markProblem(request.id, {
          code: outcome.code,
          ...(outcome.fields ? { fields: outcome.fields } : {}),
        });
      listener.outcome(request.id, outcome);
      if (outcome.kind === "retry") return "retry";
    }
  return "done";
}
