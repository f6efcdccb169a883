/**
 * Offline start: after one visit online, the network goes; from the start of navigation to a
 * step's address until its first question can be answered (its first control is in the page),
 * CPU slowed down. Timed inside the page, so the test driver's own overhead is left out.
 */
import type { Browser } from "@playwright/test";
import { CPU_SLOWDOWN, ms, percentile, slowPage } from "./browser";

const ROUNDS = 5;

declare global {
  interface Window {
    firstQuestionAt?: number;
  }
}

export async function benchOfflineStart(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    serviceWorkers: "allow",
  });
  const first = await context.newPage();
  await first.goto(`${url}/aide-medicale`);
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  await first.close();
  await context.setOffline(true);
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector("main form input, main form select")) return;
      window.firstQuestionAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  });
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const page = await slowPage(context);
    await page.goto(`${url}/aide-medicale/residence`);
    await page.waitForFunction(() => window.firstQuestionAt !== undefined);
    times.push(await page.evaluate(() => window.firstQuestionAt ?? Number.NaN));
    await page.close();
  }
  await context.close();
  return `offline start to first question (${ROUNDS} loads, ${CPU_SLOWDOWN}x CPU): median ${ms(percentile(times, 50))}, worst ${ms(Math.max(...times))} (goal <= 1000 ms)`;
}
