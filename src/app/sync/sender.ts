/**
 * One sender at a time per device: a Web Lock makes two tabs never send the same request. It
 * runs when the network returns, when the page becomes visible, when the service worker relays
 * a Background Sync, when a request is recorded, and after a failure on an exponential backoff
 * (reset when the network returns). What it is doing is published for the pages to show.
 */
import { hasAnswersToSend } from "../storage/answers-waiting";
import { retryDelay } from "./backoff";
import { httpTransport } from "./http-transport";
import { drainOutbox } from "./outbox";
import type { AnswerOutcome } from "./send-answer";
import type { SendOutcome, SendProgress } from "./send-request";

/**
 * The drafts' documents go up through the same transport (draft-documents.ts), taken from here so
 * the bundle keeps the sender and its transport in one file of the first visit's download.
 */
export { httpTransport };

export type LiveStatus =
  | { readonly state: "waiting" }
  | { readonly state: "sending"; readonly progress: SendProgress }
  | { readonly state: "sent"; readonly reference: string }
  /** An answer to the province (by its client id) that the server now has. */
  | { readonly state: "answered" }
  | { readonly state: "problem"; readonly code: string };

const LOCK = "pas-a-pas:outbox";
const SYNC_TAG = "pas-a-pas-outbox";
const BUSY_RECHECK_MS = 10_000;

const live = new Map<string, LiveStatus>();
const listeners = new Set<() => void>();
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let running = false;
/** A reason to send came while a send was running: a request recorded, the network back. */
let askedAgain = false;

function publish(requestId: string, status: LiveStatus): void {
  live.set(requestId, status);
  for (const listener of listeners) listener();
}

export function liveStatus(requestId: string): LiveStatus | undefined {
  return live.get(requestId);
}

export function onLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function toLive(outcome: SendOutcome | AnswerOutcome): LiveStatus {
  if (outcome.kind === "sent")
    return "reference" in outcome ? { state: "sent", reference: outcome.reference } : { state: "answered" };
  if (outcome.kind === "problem") return { state: "problem", code: outcome.code };
  return { state: "waiting" };
}

async function drain(): Promise<"done" | "retry" | "busy"> {
  const listener = {
    progress: (id: string, progress: SendProgress) => publish(id, { state: "sending", progress }),
    outcome: (id: string, outcome: SendOutcome | AnswerOutcome) => publish(id, toLive(outcome)),
  };
  // Requests first, then the answers about sent ones: one sender, one lock, for both. The
  // answers' code comes with a procedure's pack, on the device since it recorded them.
  const work = async () => {
    if ((await drainOutbox(httpTransport, listener)) === "retry") return "retry";
    if (!(await hasAnswersToSend())) return "done";
    const { drainAnswers } = await import("./answers-outbox");
    return drainAnswers(listener);
  };
  if (!("locks" in navigator)) return work();
  // Another tab holds the lock: it is sending; this one has nothing to do.
  return navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? work() : "busy"));
}

/**
 * Sends what waits in the outbox now, or plans the next try. Asked while a send is running, it
 * runs again right after: a send that failed stops there, and the network that came back, or a
 * request recorded meanwhile, deserves a try now rather than after the backoff.
 */
export async function sendNow(): Promise<void> {
  if (running) {
    askedAgain = true;
    return;
  }
  clearTimeout(timer);
  if (!navigator.onLine) return;
  running = true;
  askedAgain = false;
  let result: "done" | "retry" | "busy";
  try {
    result = await drain().catch(() => "retry" as const);
  } finally {
    running = false;
  }
  if (askedAgain) return sendNow();
  if (result === "retry") {
    timer = setTimeout(() => void sendNow(), retryDelay(attempt));
    attempt += 1;
  } else if (result === "busy") {
    // Another tab is sending; look again later in case it stops (closed) with work left.
    timer = setTimeout(() => void sendNow(), BUSY_RECHECK_MS);
  } else attempt = 0;
}

/** Asks the browser to wake us when the network returns, where it can (Background Sync). */
export async function requestBackgroundSync(): Promise<void> {
  const registration = await navigator.serviceWorker?.ready.catch(() => undefined);
  const sync = (
    registration as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined
  )?.sync;
  await sync?.register(SYNC_TAG).catch(() => undefined);
}

export function startSender(): void {
  window.addEventListener("online", () => {
    attempt = 0;
    void sendNow();
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void sendNow();
  });
  navigator.serviceWorker?.addEventListener("message", (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === "OUTBOX_SYNC") void sendNow();
  });
  void sendNow();
}
