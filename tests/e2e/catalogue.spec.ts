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

test("a language tapped before the app has started is honoured once it has", async ({ page }) => {
  // A slow phone: the prerendered catalogue shows while the French texts are still on their way.
  let releaseTexts = () => {};
  const textsHeld = new Promise<void>((resolve) => {
    releaseTexts = resolve;
  });
  await page.route(/locale-fr-common-.*\.js$/, async (route) => {
    await textsHeld;
    await route.continue();
  });
  const catalogue = new CataloguePage(page);
  await catalogue.open();

  await catalogue.switchTo(commonText("fr", "language.en"));
  releaseTexts();

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

test("each procedure has a large Commencer button that opens it", async ({ page }) => {
  const catalogue = new CataloguePage(page);
  for (const id of flowIds()) {
    await catalogue.open();
    const title = flowText("fr", id, "title");
    const start = catalogue.procedure(title).getByRole("link", { name: commonText("fr", "catalogue.start") });
    await expect(start).toHaveAccessibleDescription(title);
    const box = await start.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);

    await start.click();

    await expect(page).toHaveURL(new RegExp(`/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  }
});

test("the header leaves most of the first screen to the page", async ({ page }) => {
  await new CataloguePage(page).open();
  const header = await page.getByRole("banner").boundingBox();
  const screen = page.viewportSize();
  // It once took the whole first screen of a phone, and 28 % before that.
  expect(header?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual((screen?.height ?? 0) * 0.2);
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
});

test("the page fits a narrow screen without sideways scrolling", async ({ page }) => {
  await new CataloguePage(page).open();
  await expect(page.getByRole("article").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("the help page opened directly keeps its styles, and the site's name leads back to the catalogue", async ({
  page,
}) => {
  await page.goto("/aide");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(commonText("fr", "help.title"));
  // The list of what this device keeps is laid out as on the other pages, not as bare text.
  const row = page.locator(".summary-list__row").first();
  await expect(row).toHaveCSS("display", "grid");

  await page
    .getByRole("banner")
    .getByRole("link", { name: commonText("fr", "app.name") })
    .click();

  await expect(page).toHaveURL(/\/$/);
  await expect(heading).toHaveText(commonText("fr", "catalogue.heading"));
});
