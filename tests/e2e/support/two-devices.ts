/**
 * Two devices of one person in one test: the test's own page is the phone (the phone project),
 * and `desktop` a computer's page in a browser context of its own (its own cookies and storage),
 * closed after the test. No service worker on the computer: it stays online throughout.
 */
import type { Page } from "@playwright/test";
import { test as base, expect, NO_NETWORK } from "./network-failure-fixtures";

export const test = base.extend<{ desktop: Page }>({
  desktop: async ({ browser }, use, testInfo) => {
    const computer = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      serviceWorkers: "block",
      viewport: { width: 1280, height: 800 },
    });
    await use(await computer.newPage());
    await computer.close();
  },
});

export { expect, NO_NETWORK };
