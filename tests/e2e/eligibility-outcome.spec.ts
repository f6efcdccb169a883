/**
 * An eligibility outcome is never a dead end: it says why in plain words, shows the figures behind
 * the estimate and how they were reached, and lets the person apply anyway.
 */
import { WizardPage } from "./pages/wizard-page";
import { walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf, stepOf } from "./support/flows";
import { formatAmount, formatNumber } from "./support/formats";
import { containing, exactly } from "./support/texts";

test("a family quotient above the ceiling explains why, shows the calculation, and lets the person apply anyway", async ({
  page,
}) => {
  const { example } = exampleOf("bourse-scolaire", "not-eligible-quotient");
  const wizard = new WizardPage(page, "bourse-scolaire");
  const outcome = stepOf(wizard.flow, example.expect.end);
  if (outcome.type !== "outcome" || !outcome.applyAnyway)
    throw new Error("expected an outcome with apply anyway");
  await wizard.start();
  await walkExample(wizard, example);

  const { texts } = wizard;
  await expect(
    page.getByRole("heading", { level: 2, name: exactly(texts.wizard("outcome.why")) }),
  ).toBeVisible();
  await expect(page.getByText(exactly(texts.flowText(outcome.reason)))).toBeVisible();
  await expect(page.getByText(exactly(texts.flowText(outcome.alternatives)))).toBeVisible();
  await expect(page.getByText(exactly(texts.flowText(outcome.contact)))).toBeVisible();

  // The quotient, then how it was reached: "250 000 F divisés par 2,5 parts = 100 000 F par mois."
  const { computed = {} } = example.expect;
  const quotient = Number(computed.familyQuotient);
  const figures = page.getByRole("definition");
  await expect(
    page.getByRole("term").filter({ hasText: texts.flowText("computed.familyQuotient.label") }),
  ).toBeVisible();
  await expect(figures.filter({ hasText: exactly(formatAmount(wizard.language, quotient)) })).toBeVisible();
  const explanation = texts.flowText("computed.familyQuotient.explain", {
    monthlyResources: formatNumber(wizard.language, Number(example.answers.monthlyResources)),
    shares: formatNumber(wizard.language, Number(computed.shares)),
    familyQuotient: formatNumber(wizard.language, quotient),
  });
  await expect(figures.filter({ hasText: containing(explanation) })).toBeVisible();
  const ceiling = texts.flowText("computed.ceiling.explain", {
    ceiling: formatNumber(wizard.language, Number(computed.ceiling)),
  });
  await expect(figures.filter({ hasText: containing(ceiling) })).toBeVisible();

  await wizard.applyAnyway();
  await wizard.expectStep(outcome.applyAnyway);
});
