/**
 * axe-core on the page as it is now, against WCAG 2.1 A and AA; a failure lists each broken rule.
 *
 * The axe-core that @axe-core/playwright ships, run in the page directly: AxeBuilder.analyze()
 * injects the 500 KB script again and opens a blank page for every analysis, about 1 s a page on
 * this machine, which would double the suite's time. Here it is injected once per document (the
 * app changes pages without reloading) and each analysis takes a tenth of that.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");

const OPTIONS: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
  resultTypes: ["violations"],
};

declare global {
  interface Window {
    axe?: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
  }
}

export async function expectNoViolations(page: Page, what: string): Promise<void> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (options) => {
    if (!window.axe) throw new Error("axe-core did not load");
    return (await window.axe.run(document, options)).violations;
  }, OPTIONS);
  const readable = violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
  }));
  expect(readable, `accessibility violations on ${what}`).toEqual([]);
}
