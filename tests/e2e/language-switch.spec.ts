/**
 * Switching to English in the middle of a procedure keeps every answer, turns every text to
 * English, and writes amounts and dates the English way ("150,000 F", "14 March 2016").
 */
import type { Item } from "../../src/shared/engine/answers";
import { commonText } from "../support/flow-texts";
import { labelledControl } from "./pages/question-answers";
import { WizardPage } from "./pages/wizard-page";
import { walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf, fieldOf } from "./support/flows";
import { formatAmount, formatDate } from "./support/formats";
import { containing, exactly } from "./support/texts";

test("switching to English mid-procedure keeps the answers and formats figures for English", async ({
  page,
}) => {
  // A whole procedure to the review, and back: more than the default time on a busy machine.
  test.slow();
  const { example } = exampleOf("bourse-scolaire", "eligible-one-child");
  const { answers, expect: expected } = example;
  const quotient = Number(expected.computed?.familyQuotient);
  const resources = Number(answers.monthlyResources);
  const wizard = new WizardPage(page, "bourse-scolaire");
  await wizard.start();
  await walkExample(wizard, example, { until: "quotient-result" });
  const figures = page.getByRole("definition");
  await expect(figures.filter({ hasText: exactly(formatAmount("fr", quotient)) })).toBeVisible();

  await wizard.switchLanguage("en");

  await wizard.expectStep("quotient-result");
  await expect(figures.filter({ hasText: exactly(formatAmount("en", quotient)) })).toBeVisible();
  await expect(wizard.continueButton()).toBeVisible();

  // The answer given in French is still there, under its English label.
  await wizard.back();
  await wizard.expectStep("resources");
  const scope = { page, within: page, texts: wizard.texts };
  await expect(labelledControl(scope, fieldOf(wizard.flow, "monthlyResources"))).toHaveValue(
    String(resources),
  );

  // The rest of the procedure in English, down to the review.
  await wizard.continue();
  await wizard.expectStep("quotient-result");
  await walkExample(wizard, example);
  await expect(wizard.reviewRow(fieldOf(wizard.flow, "applicantFirstName"))).toContainText(
    String(answers.applicantFirstName),
  );
  await expect(wizard.reviewRow(fieldOf(wizard.flow, "monthlyResources"))).toContainText(
    containing(formatAmount("en", resources)),
  );
  const [child] = answers.children as Item[];
  await expect(wizard.reviewRow(fieldOf(wizard.flow, "children"))).toContainText(
    formatDate("en", String(child?.birthDate)),
  );
});

test.describe("a browser whose first language is English", () => {
  test.use({ locale: "en-GB" });

  test("opens in English, until the person chooses French", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: commonText("en", "language.fr"), exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });
});
