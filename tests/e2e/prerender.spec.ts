/**
 * The catalogue is HTML before any script runs, so a slow phone paints it without waiting for
 * the code; the code then takes over the very same elements (no flash, no shift). Other pages
 * never show the catalogue first.
 */
import { commonText, flowIds, flowText } from "../support/flow-texts";
import { CataloguePage } from "./pages/catalogue-page";
import { expect, test } from "./support/fixtures";

declare global {
  interface Window {
    /** The catalogue's heading as the HTML brought it, before any script ran. */
    prerenderedHeading?: Element | null;
  }
}

test.describe("with scripts off", () => {
  test.use({ javaScriptEnabled: false, serviceWorkers: "block" });

  test("the catalogue is already there: every procedure with its link", async ({ page }) => {
    const catalogue = new CataloguePage(page);
    await catalogue.open();
    await expect(catalogue.heading()).toHaveText(commonText("fr", "catalogue.heading"));
    for (const id of flowIds()) {
      const card = catalogue.procedure(flowText("fr", id, "title"));
      await expect(card).toContainText(flowText("fr", id, "summary"));
      await expect(card.getByRole("link", { name: flowText("fr", id, "title") })).toHaveAttribute(
        "href",
        `/${id}`,
      );
    }
  });

  test("a procedure's page does not show the catalogue", async ({ page }) => {
    await page.goto(`/${flowIds()[0]}`);
    await expect(page.getByRole("heading", { name: commonText("fr", "catalogue.heading") })).toHaveCount(0);
  });
});

test("the page's code takes over the prerendered elements instead of drawing new ones", async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive") window.prerenderedHeading = document.querySelector("h1");
    });
  });
  const catalogue = new CataloguePage(page);
  await catalogue.open();
  // The language buttons answer only once the code runs: then the page is the app's.
  await catalogue.switchTo(commonText("fr", "language.en"));
  await expect(catalogue.heading()).toHaveText(commonText("en", "catalogue.heading"));
  expect(
    await page.evaluate(() => window.prerenderedHeading === document.querySelector("h1")),
    "the same <h1> element, now in English",
  ).toBe(true);
});
