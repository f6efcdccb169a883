/**
 * The page's one bridge to the service worker (workbox-window): registers it, says when a new
 * version is waiting, and lets it take over only when the person asks. Once it has taken over,
 * the page reloads on the same address; the draft is read back from the device, so the person
 * is on the same step with the same answers.
 */
import type { Workbox } from "workbox-window";
import type { KeepProcedureOffline, KeepProcedureOfflineAnswer } from "../../shared/service-worker-messages";
import { runBeforeUpdate } from "./before-update";

type Listener = (waiting: boolean) => void;
const listeners = new Set<Listener>();
let workbox: Workbox | undefined;
let waiting = false;
/** Set by "Mettre à jour": the one reason a change of version may reload the page. */
let updateRequested = false;

/** After the first render, and loaded then: the first page should not wait for it. */
export async function startServiceWorker(): Promise<void> {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import("workbox-window");
  workbox = new Workbox("/sw.js");
  workbox.addEventListener("waiting", () => {
    waiting = true;
    for (const listener of listeners) listener(true);
  });
  // Not Workbox's `isUpdate`: it only says whether a version controlled the page when it loaded,
  // so on a first visit it stays false and the page would never reload after "Mettre à jour".
  workbox.addEventListener("controlling", () => {
    if (updateRequested) window.location.reload();
  });
  await workbox.register();
  document.addEventListener("visibilitychange", checkForUpdateOnReturn);
}

/**
 * A phone keeps the app open for days, and a page only looks for a new version when it is
 * loaded: look again when the person comes back to it, at most once an hour (it costs a request).
 */
const UPDATE_CHECK_EVERY_MS = 60 * 60_000;
let lastUpdateCheck = Date.now();

function checkForUpdateOnReturn(): void {
  if (document.visibilityState !== "visible" || !navigator.onLine) return;
  if (Date.now() - lastUpdateCheck < UPDATE_CHECK_EVERY_MS) return;
  lastUpdateCheck = Date.now();
  void workbox?.update().catch(() => undefined);
}

export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  listener(waiting);
  return () => listeners.delete(listener);
}

/** "Mettre à jour": save what is open, then let the waiting version take over. */
export async function applyUpdate(): Promise<void> {
  await runBeforeUpdate();
  updateRequested = true;
  const registration = await navigator.serviceWorker.getRegistration();
  // "Mettre à jour" in another tab may have let it take over already: loading it is all that is left.
  if (registration?.waiting) workbox?.messageSkipWaiting();
  else window.location.reload();
}

const keptOffline = new Map<string, Promise<boolean>>();

/**
 * Asks the service worker to keep a procedure's files on the device (its pack), once per page
 * load. Resolves true once they are there; false when the download failed; never without a
 * service worker (a private window), where there is nothing to wait for.
 */
export function keepProcedureOffline(flowId: string): Promise<boolean> {
  let kept = keptOffline.get(flowId);
  if (!kept) {
    kept =
      "serviceWorker" in navigator && !import.meta.env.DEV
        ? navigator.serviceWorker.ready.then(({ active }) => (active ? askToKeep(active, flowId) : false))
        : new Promise<boolean>(() => undefined);
    keptOffline.set(flowId, kept);
  }
  return kept;
}

function askToKeep(worker: ServiceWorker, flowId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<KeepProcedureOfflineAnswer | null>) =>
      resolve(event.data?.ok === true);
    const message: KeepProcedureOffline = { type: "KEEP_PROCEDURE_OFFLINE", flowId };
    worker.postMessage(message, [channel.port2]);
  });
}
