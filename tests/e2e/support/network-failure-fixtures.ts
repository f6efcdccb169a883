/**
 * The `test` of fixtures.ts for tests that make the network or the server fail on purpose.
 * Chromium logs every failed request as a console error ("Failed to load resource: …") even when
 * the page handles the failure, so such a test names the exact failures it causes, and only those
 * lines are let through; any other console error, uncaught error or CSP violation still fails it.
 */
import { test as base, expect } from "./fixtures";

/** The console line Chromium writes for a request that got no answer (the network was cut). */
export const NO_NETWORK = "Failed to load resource: net::ERR_INTERNET_DISCONNECTED";

/** The console line Chromium writes for a request the server answered with a 500. */
export const SERVER_ERROR = "Failed to load resource: the server responded with a status of 500";

interface ExpectedFailures {
  /** Console lines this test causes on purpose: each a line's exact start. */
  readonly expectedConsoleErrors: readonly string[];
}

export const test = base.extend<ExpectedFailures>({
  expectedConsoleErrors: [[], { option: true }],
  // An override of an automatic fixture is automatic too.
  problems: async ({ problems, expectedConsoleErrors }, use) => {
    await use(problems);
    // Before fixtures.ts checks the list: this override depends on it, so it is torn down first.
    const expected = expectedConsoleErrors.map((line) => `console error: ${line}`);
    const remaining = problems.filter((problem) => !expected.some((line) => problem.startsWith(line)));
    problems.splice(0, problems.length, ...remaining);
  },
});

export { expect };
