/**
 * Requests finished on the device, as the wizard records them, and a server reached through a
 * stubbed `fetch`, answering when the test says: the pages are driven by the real sender.
 */
import { vi } from "vitest";
import { saveDraft } from "../../../../src/app/storage/drafts";
import {
  provisionalReference,
  type RequestRecord,
  recordRequest,
} from "../../../../src/app/storage/requests";

/** The person pressed "Envoyer" on a procedure at `createdAt`: the request replaces its draft. */
export async function finish(id: string, flowId: string, createdAt: Date): Promise<RequestRecord> {
  await saveDraft({
    id: flowId,
    flowId,
    flowVersion: 1,
    answers: {},
    snapshot: { value: "review" },
    updatedAt: createdAt.toISOString(),
    step: "review",
    progress: { step: 5, total: 5 },
    owner: null,
    revision: 1,
  });
  const request: RequestRecord = {
    id,
    flowId,
    flowVersion: 1,
    answers: {},
    createdAt: createdAt.toISOString(),
    provisionalReference: provisionalReference(id),
    status: "ready",
  };
  await recordRequest(request, flowId);
  return request;
}

/** The server's answer to `PUT /api/submissions/{id}`, given once the test has looked at "sending". */
export interface PendingServer {
  answer(status: number, body: unknown): void;
}

export function stubServer(): PendingServer {
  let reply: (response: Response) => void = () => undefined;
  vi.stubGlobal(
    "fetch",
    vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          reply = resolve;
        }),
    ),
  );
  return {
    answer: (status, body) =>
      reply(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } })),
  };
}

/** Sets what the browser says about the network, and tells the page as the browser would. */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

/**
 * happy-dom names `navigator.locks` but leaves it null: a Web Locks API that grants every lock,
 * as a browser does to the only tab that asks.
 */
export function grantWebLocks(): void {
  const locks = {
    request: (name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) =>
      Promise.resolve(callback({ name, mode: "exclusive" })),
  };
  Object.defineProperty(navigator, "locks", { configurable: true, value: locks });
}
