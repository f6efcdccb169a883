/**
 * Procedures' packs: the files a procedure needs offline, fetched when the person opens it rather
 * than at the first visit (a phone on prepaid data should not download every procedure the
 * province offers). Pack files have hashed names, so one cache keyed by address holds every
 * version's; an install re-fetches the packs of the procedures opened so far before the new
 * version may take over, and an activation drops the files no pack of this version names.
 */
import { registerRoute } from "workbox-routing";
import type { KeepProcedureOffline, KeepProcedureOfflineAnswer } from "../shared/service-worker-messages";

declare const self: ServiceWorkerGlobalScope;

export interface PackEntry {
  readonly url: string;
  readonly revision: string | null;
  /** The procedures whose pack holds this file; absent for the shell. */
  readonly flows?: readonly string[];
}

const PACKS_CACHE = "pas-a-pas-procedure-packs";
/** Which procedures were opened, kept in the same cache so it outlives versions. */
const OPENED = new URL("/__pas-a-pas/opened-procedures", self.location.href).href;

function packsOf(manifest: readonly PackEntry[]): Map<string, string[]> {
  const packs = new Map<string, string[]>();
  for (const entry of manifest)
    for (const flowId of entry.flows ?? []) {
      const url = new URL(entry.url, self.location.href).href;
      packs.set(flowId, [...(packs.get(flowId) ?? []), url]);
    }
  return packs;
}

async function openedProcedures(cache: Cache): Promise<Set<string>> {
  const answer = await cache.match(OPENED);
  const ids: unknown = answer ? await answer.json() : [];
  return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []);
}

async function fetchPack(cache: Cache, urls: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const url of urls) if (!(await cache.match(url))) missing.push(url);
  await cache.addAll(missing);
}

export function keepOpenedProceduresOffline(manifest: readonly PackEntry[]): void {
  const packs = packsOf(manifest);
  const packUrls = new Set([...packs.values()].flat());

  self.addEventListener("install", (event) => {
    event.waitUntil(
      caches.open(PACKS_CACHE).then(async (cache) => {
        for (const flowId of await openedProcedures(cache)) {
          const urls = packs.get(flowId);
          if (urls) await fetchPack(cache, urls);
        }
      }),
    );
  });

  self.addEventListener("activate", (event) => {
    event.waitUntil(
      caches.open(PACKS_CACHE).then(async (cache) => {
        for (const request of await cache.keys())
          if (request.url !== OPENED && !packUrls.has(request.url)) await cache.delete(request);
      }),
    );
  });

  self.addEventListener("message", (event: ExtendableMessageEvent) => {
    const message = event.data as Partial<KeepProcedureOffline> | null;
    if (message?.type !== "KEEP_PROCEDURE_OFFLINE" || typeof message.flowId !== "string") return;
    const port = event.ports[0];
    const urls = packs.get(message.flowId);
    const answer = (ok: boolean) => port?.postMessage({ ok } satisfies KeepProcedureOfflineAnswer);
    if (!urls) return answer(false);
    const flowId = message.flowId;
    event.waitUntil(
      caches
        .open(PACKS_CACHE)
        .then(async (cache) => {
          await fetchPack(cache, urls);
          const opened = await openedProcedures(cache);
          opened.add(flowId);
          await cache.put(OPENED, Response.json([...opened]));
        })
        .then(
          () => answer(true),
          () => answer(false),
        ),
    );
  });

  // A pack file not fetched yet (the person is faster than the download) comes from the network.
  registerRoute(
    ({ url }) => packUrls.has(url.href),
    async ({ request }) => (await caches.match(request, { cacheName: PACKS_CACHE })) ?? fetch(request),
  );
}
