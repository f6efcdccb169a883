/**
 * Lighthouse on the three pages people land on first: the catalogue, a start page and the first
 * question, as a cheap phone on a slow network sees them on a first visit (Lighthouse's mobile
 * defaults: simulated Slow 4G and a CPU four times slower). Storage is cleared before each run,
 * except, for the first question, the draft it belongs to: a step's address names a draft, and
 * only the code and texts are then fetched cold (the service worker, its caches and the HTTP cache
 * are cleared).
 * Prints the medians of LCP and CLS against the goals of issue 12.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import type { Flow } from "../../shared/flow/schema";
import { AUTOSAVE_MEASURE } from "../../shared/measures";
import { percentile } from "./browser";
import { freePort } from "./free-port";

const ROUNDS = 5;
const FLOW = "bourse-scolaire";

interface PageGoal {
  readonly name: string;
  /** The address to measure; asked before each run, as some need a draft made first. */
  readonly path: () => Promise<string>;
  readonly lcpGoalMs: number;
  readonly clsGoal?: number;
  /** Keep IndexedDB (the draft) between the preparation and the run. */
  readonly keepDraft?: boolean;
}

/**
 * The page "Commencer" leads to, the flow's first step: a draft is made as a person does
 * (Commencer, a first answer), then the service worker and its caches are cleared so the run
 * fetches code and texts as on a first visit.
 */
async function firstQuestionPath(context: BrowserContext, url: string): Promise<string> {
  const flow = JSON.parse(readFileSync(`flows/${FLOW}.json`, "utf8")) as Pick<Flow, "start">;
  const page = await context.newPage();
  await page.goto(`${url}/${FLOW}`);
  await page.getByRole("button", { name: "Commencer" }).click();
  await page.locator("main form input").first().fill("Léa");
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, AUTOSAVE_MEASURE);
  const address = new URL(page.url()).pathname;
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", {
    origin: url,
    storageTypes: "service_workers,cache_storage",
  });
  // And the browser's HTTP cache, which keeps the hashed files for a year.
  await cdp.send("Network.clearBrowserCache");
  await page.close();
  if (!address.endsWith(`/${flow.start}`))
    throw new Error(`"Commencer" led to ${address}, not ${flow.start}`);
  return address;
}

export async function benchLighthouse(url: string): Promise<string[]> {
  const port = await freePort();
  // A persistent context is the browser's default one: the tab Lighthouse opens shares its storage.
  const profile = mkdtempSync(join(tmpdir(), "pas-a-pas-lighthouse-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    // French, as most people who open it: an English browser gets the English texts.
    locale: "fr-FR",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--lang=fr-FR",
      `--remote-debugging-port=${port}`,
    ],
  });
  const pages: PageGoal[] = [
    { name: "catalogue /", path: async () => "/", lcpGoalMs: 1200 },
    { name: `start page /${FLOW}`, path: async () => `/${FLOW}`, lcpGoalMs: 1500, clsGoal: 0.05 },
    {
      name: "first question",
      path: () => firstQuestionPath(browser, url),
      lcpGoalMs: 1500,
      clsGoal: 0.05,
      keepDraft: true,
    },
  ];
  const lines: string[] = [];
  try {
    for (const page of pages) {
      const lcp: number[] = [];
      const cls: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const path = await page.path();
        const result = await lighthouse(
          `${url}${path}`,
          {
            port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            disableStorageReset: page.keepDraft === true,
          },
          undefined,
        );
        const audits = result?.lhr.audits;
        lcp.push(audits?.["largest-contentful-paint"]?.numericValue ?? Number.NaN);
        cls.push(audits?.["cumulative-layout-shift"]?.numericValue ?? Number.NaN);
      }
      const clsGoal = page.clsGoal === undefined ? "" : `, goal <= ${page.clsGoal}`;
      lines.push(
        `lighthouse ${page.name} (mobile, Slow 4G, 4x CPU, median of ${ROUNDS}): LCP ${(percentile(lcp, 50) / 1000).toFixed(2)} s (goal <= ${(page.lcpGoalMs / 1000).toFixed(1)} s), CLS ${percentile(cls, 50).toFixed(3)}${clsGoal}`,
      );
    }
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return lines;
}
