/**
 * Offline start: after one visit online, the network goes; from the start of navigation to a
 * step's address until its first question can be answered (its first control is in the page),
 * CPU slowed down. Timed inside the page, so the test driver's own overhead is left out.
 */
import type { Browser } from "@playwright/test";
import { AUTOSAVE_MEASURE } from "../../shared/measures";
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
    // The app speaks the browser's language; the buttons below are found by their French names.
    locale: "fr-FR",
    serviceWorkers: "allow",
  });
  const first = await context.newPage();
  await first.goto(`${url}/aide-medicale`);
  await first.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  // The procedure's own files are fetched once its page is open (src/sw/procedure-packs.ts).
  await first.locator(".offline-ready").waitFor({ timeout: 30_000 });
  // A draft to come back to: a step's address names its draft, and a draft is kept from its
  // first answer.
  await first.getByRole("button", { name: "Commencer" }).click();
  await first.getByRole("radio").first().check();
  await first.waitForFunction((name) => performance.getEntriesByName(name).length > 0, AUTOSAVE_MEASURE);
  const stepAddress = first.url();
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
    await page.goto(stepAddress);
    await page.waitForFunction(() => window.firstQuestionAt !== undefined);
    times.push(await page.evaluate(() => window.firstQuestionAt ?? Number.NaN));
    await page.close();
  }
  await context.close();
  return `offline start to first question (${ROUNDS} loads, ${CPU_SLOWDOWN}x CPU): median ${ms(percentile(times, 50))}, worst ${ms(Math.max(...times))} (goal <= 600 ms)`;
}
