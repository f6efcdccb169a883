/**
 * Lets Playwright see and route the page's requests to the API. The page's fetches normally go
 * through the service worker (which only passes /api on to the network), and Playwright routes a
 * service worker's own requests only behind an experimental switch. Its `serviceWorkers: "block"`
 * option would test an app without its service worker, not the one people use. So it is
 * registered and runs as usual, and the page's requests skip it, as DevTools' "Bypass for
 * network" does (Chromium only, like these tests).
 */
import type { Page } from "@playwright/test";

export async function bypassServiceWorker(page: Page): Promise<void> {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send("Network.enable");
  await devtools.send("Network.setBypassServiceWorker", { bypass: true });
}
