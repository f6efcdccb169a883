/**
 * Autosave: the time of each draft write (one IndexedDB transaction per burst of typing), read
 * from the app's own User Timing entries, while a person types answer after answer.
 */
import type { Browser } from "@playwright/test";
import { AUTOSAVE_MEASURE } from "../../shared/measures";
import { CPU_SLOWDOWN, ms, percentile, slowPage } from "./browser";

const ROUNDS = 40;

export async function benchAutosave(browser: Browser, url: string): Promise<string> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await slowPage(context);
  await page.goto(`${url}/bourse-scolaire`);
  await page.getByRole("button", { name: "Commencer" }).click();
  const field = page.getByLabel("Votre prénom");
  for (let i = 0; i < ROUNDS; i++) {
    await field.fill(`Léa ${i}`);
    await page.waitForFunction(([name, count]) => performance.getEntriesByName(name).length >= count, [
      AUTOSAVE_MEASURE,
      i + 1,
    ] as const);
  }
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((entry) => entry.duration),
    AUTOSAVE_MEASURE,
  );
  await context.close();
  return `autosave transaction (${durations.length} saves, ${CPU_SLOWDOWN}x CPU): p50 ${ms(percentile(durations, 50))}, p95 ${ms(percentile(durations, 95))} (goal p95 <= 50 ms)`;
}
