/**
 * The service worker: makes the app open with no network after one visit, and nothing else.
 * - The shell (catalogue, requests, help, common texts) is precached at install; a procedure's
 *   pack (the wizard, its flow, its texts) when the page says the person opened it, and again at
 *   every later install, so each procedure the person opened keeps working offline. The split is
 *   made at build time (src/tools/precache-packs.ts) and injected with the precache manifest.
 * - Navigations answer with the precached app shell: the router in the page takes over.
 * - /api is never cached: answers there are personal or must be fresh; the page's sync module
 *   keeps what must survive a lost network in IndexedDB, not here.
 * - Background Sync wakes the open pages' sender when the network returns.
 * - A new version waits until the page asks it to take over ("Mettre à jour"): code is never
 *   swapped under an open draft without asking.
 */
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkOnly } from "workbox-strategies";
import { SHELL_HTML, STAFF_PAGE_PREFIXES } from "../shared/app-pages";
import { keepOpenedProceduresOffline, type PackEntry } from "./procedure-packs";

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Workbox types the list as its own entries; the build adds `flows` to those of a pack.
const manifest: readonly PackEntry[] = self.__WB_MANIFEST;
precacheAndRoute(manifest.filter((entry) => !entry.flows));
cleanupOutdatedCaches();
keepOpenedProceduresOffline(manifest);

// As the server answers: the prerendered catalogue at `/`, the empty shell for every other page
// but the staff pages, another app that is not precached: those go to the network.
const staffPages = STAFF_PAGE_PREFIXES.map((prefix) => new RegExp(`^${prefix}(?:/|$)`));
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { allowlist: [/^\/$/] }));
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(`/${SHELL_HTML}`), {
    denylist: [/^\/api\//, /^\/$/, ...staffPages],
  }),
);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("/api/"),
  new NetworkOnly(),
);

self.addEventListener("message", (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === "SKIP_WAITING") void self.skipWaiting();
});

/**
 * Background Sync: the browser wakes us when the network is back. Sending stays in the page
 * (one sender, one place that talks to the API), so this only tells open pages to send now.
 */
self.addEventListener("sync", (event: Event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  if (sync.tag !== "pas-a-pas-outbox") return;
  sync.waitUntil(
    self.clients.matchAll({ type: "window" }).then((windows) => {
      for (const client of windows) client.postMessage({ type: "OUTBOX_SYNC" });
    }),
  );
});

// The first install has no page to disturb: take control at once so the first visit already
// works offline after it. Later versions wait for SKIP_WAITING (above).
clientsClaim();
