/**
 * A whole procedure with the keyboard alone: from the catalogue to the confirmation, Tab and
 * Shift+Tab to move, typing, Space and the arrow keys to answer, Enter to go on. No click.
 */
import { activate, answerByKeyboard } from "./pages/keyboard-answers";
import { communeName, labelledControl, type QuestionScope } from "./pages/question-answers";
import { WizardPage } from "./pages/wizard-page";
import { expect, test } from "./support/fixtures";
import { exampleOf, fieldOf, stepOfType } from "./support/flows";

test("aide médicale from the catalogue to the confirmation with the keyboard alone", async ({ page }) => {
  // Every control reached one Tab at a time: far more steps than a test usually takes.
  test.slow();
  const { example } = exampleOf("aide-medicale", "eligible-single");
  const wizard = new WizardPage(page, "aide-medicale");
  const scope: QuestionScope = { page, within: page, texts: wizard.texts };
  const commune = labelledControl(scope, fieldOf(wizard.flow, "commune"));

  await page.goto("/");
  await activate(page, wizard.catalogueLink());
  await activate(page, wizard.startButton());
  await wizard.expectStep(wizard.flow.start);

  let wentBack = false;
  for (let move = 0; move <= wizard.flow.steps.length; move++) {
    const step = wizard.currentStep();
    await wizard.expectStep(step.id);
    if (step.id === example.expect.end) break;
    // Once, "‹ Retour" just before the new page's heading, which has the focus: the answer is kept.
    if (step.id === "applicant" && !wentBack) {
      wentBack = true;
      await expect(wizard.heading()).toBeFocused();
      await activate(page, wizard.backControl(), "Shift+Tab");
      await wizard.expectStep("commune");
      await expect(commune).toHaveValue(communeName(example.answers.commune));
      await activate(page, wizard.continueButton());
      await wizard.expectStep(step.id);
      continue;
    }
    if (step.type === "questions") {
      for (const field of step.fields)
        if (field.id in example.answers) await answerByKeyboard(scope, field, example.answers[field.id]);
    } else if (step.type !== "info") {
      throw new Error(`unexpected ${step.type} page ${step.id}`);
    }
    const before = page.url();
    await activate(page, wizard.continueButton());
    await expect(page).not.toHaveURL(before);
    // Focus moves to the new page's heading, so the next Tab starts from the top of the page.
    await expect(wizard.heading()).toBeFocused();
  }

  await activate(page, wizard.continueButton());
  await wizard.expectStep(stepOfType(wizard.flow, "declaration").id);
  await activate(page, wizard.submitButton());
  await wizard.expectConfirmation();
});
