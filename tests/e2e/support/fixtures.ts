/**
 * The `test` every browser test uses: it fails the test when the page logs a console error, throws,
 * or breaks the Content-Security-Policy, so such problems never pass unnoticed.
 */
import { test as base, expect } from "@playwright/test";

interface PageProblems {
  readonly problems: string[];
}

declare global {
  interface Window {
    reportCspViolation?: (description: string) => void;
  }
}

export const test = base.extend<PageProblems>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("console", (message) => {
        // The address after the text: "Failed to load resource" alone does not say which one.
        // Expected lines are matched by their start (network-failure-fixtures.ts), so this keeps them.
        if (message.type() === "error") {
          const { url } = message.location();
          problems.push(`console error: ${message.text()}${url ? ` (${url})` : ""}`);
        }
      });
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      await page.exposeFunction("reportCspViolation", (description: string) => problems.push(description));
      // Init scripts come from the browser's debugging protocol, so the page's CSP does not block them.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          window.reportCspViolation?.(
            `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`,
          );
        });
      });
      await use(problems);
      expect(problems, "console errors, uncaught errors or CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
