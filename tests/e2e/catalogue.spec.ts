import { commonText, flowIds, flowText } from "../support/flow-texts";
import { CataloguePage } from "./pages/catalogue-page";
import { expect, test } from "./support/fixtures";

test("lists every procedure in French, then in English", async ({ page }) => {
  const catalogue = new CataloguePage(page);
  await catalogue.open();

  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(catalogue.heading()).toHaveText(commonText("fr", "catalogue.heading"));
  for (const id of flowIds()) {
    const card = catalogue.procedure(flowText("fr", id, "title"));
    await expect(card).toBeVisible();
    await expect(card).toContainText(flowText("fr", id, "summary"));
    await expect(card).toContainText(flowText("fr", id, "audience"));
    await expect(card).toContainText(flowText("fr", id, "department"));
  }

  await catalogue.switchTo(commonText("fr", "language.en"));

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(catalogue.heading()).toHaveText(commonText("en", "catalogue.heading"));
  for (const id of flowIds()) {
    await expect(catalogue.procedure(flowText("en", id, "title"))).toBeVisible();
  }
  await expect(page).toHaveTitle(commonText("en", "app.name"));
});

test("remembers the chosen language on the next visit", async ({ page }) => {
  const catalogue = new CataloguePage(page);
  await catalogue.open();
  await catalogue.switchTo(commonText("fr", "language.en"));
  await expect(catalogue.languageButton(commonText("en", "language.en"))).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.reload();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(catalogue.heading()).toHaveText(commonText("en", "catalogue.heading"));
});

test("language buttons are large enough to tap", async ({ page }) => {
  const catalogue = new CataloguePage(page);
  await catalogue.open();
  for (const key of ["language.fr", "language.en"]) {
    const box = await catalogue.languageButton(commonText("fr", key)).boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(box?.width).toBeGreaterThanOrEqual(44);
  }
});

test("the page fits a narrow screen without sideways scrolling", async ({ page }) => {
  await new CataloguePage(page).open();
  await expect(page.getByRole("article").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
