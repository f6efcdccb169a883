/**
 * Every step has its own address: a reload, the browser's back and forward buttons land on the
 * right step with the answers kept, and the progress count follows the branch the answers take.
 */
import { communeName, labelledControl, optionControl } from "./pages/question-answers";
import { WizardPage } from "./pages/wizard-page";
import { walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf, fieldOf } from "./support/flows";

test.describe.configure({ mode: "parallel" });

test("a reload and the browser's back and forward buttons land on the right step, answers kept", async ({
  page,
}) => {
  const { example } = exampleOf("bourse-scolaire", "eligible-one-child");
  const wizard = new WizardPage(page, "bourse-scolaire");
  const scope = { page, within: page, texts: wizard.texts };
  const commune = labelledControl(scope, fieldOf(wizard.flow, "commune"));
  const link = optionControl(scope, fieldOf(wizard.flow, "applicantLink"), example.answers.applicantLink);
  const years = labelledControl(scope, fieldOf(wizard.flow, "residenceYears"));
  await wizard.start();
  await walkExample(wizard, example, { until: "residence-duration" });
  // Typed, not yet sent with "Continuer", and reloaded at once, within the pause before a save:
  // the save starts as the page goes, so the draft keeps it too.
  await years.pressSequentially(String(example.answers.residenceYears));
  await page.reload();
  await wizard.expectStep("residence-duration");
  await expect(years).toHaveValue(String(example.answers.residenceYears));

  await page.goBack();
  await wizard.expectStep("residence-commune");
  await expect(commune).toHaveValue(communeName(example.answers.commune));
  await page.goBack();
  await wizard.expectStep("applicant-link");
  await expect(link).toBeChecked();

  await page.goForward();
  await wizard.expectStep("residence-commune");
  await page.goForward();
  await wizard.expectStep("residence-duration");
  await expect(years).toHaveValue(String(example.answers.residenceYears));

  // Back on the procedure's start page, it lists the draft to resume, by whose it is.
  await page.goto(`/${wizard.flow.id}`);
  await wizard.resume(`${example.answers.applicantFirstName} ${example.answers.applicantLastName}`);
  await wizard.expectStep("residence-duration");
});

test("the progress count follows the branch: the separated-parents page counts only for a parent", async ({
  page,
}) => {
  const { example } = exampleOf("bourse-scolaire", "eligible-one-child");
  const wizard = new WizardPage(page, "bourse-scolaire");
  const questionPages = wizard.flow.steps.filter((step) => step.type === "questions");
  const conditional = questionPages.filter((step) => step.showIf !== undefined).map((step) => step.id);
  expect(conditional, "the flow this test was written for").toEqual(["household-separated"]);
  // An unanswered question never opens a branch, so conditional pages count only once they hold.
  const withoutBranch = questionPages.length - conditional.length;
  // No conditional page comes before these: their place is their rank among the question pages.
  const at = (id: string) => questionPages.findIndex((step) => step.id === id) + 1;

  await wizard.start();
  await wizard.expectProgress(1, withoutBranch);
  await walkExample(wizard, example, { until: "applicant-link" });
  await wizard.expectProgress(at("applicant-link"), withoutBranch);
  await wizard.fillStep({ applicantLink: "guardian" });
  await wizard.continue();
  await wizard.expectStep("residence-commune");
  await wizard.expectProgress(at("residence-commune"), withoutBranch);

  await wizard.back();
  await wizard.expectStep("applicant-link");
  await wizard.fillStep({ applicantLink: "parent" });
  await wizard.continue();
  await wizard.expectStep("residence-commune");
  await wizard.expectProgress(at("residence-commune"), withoutBranch + 1);

  await walkExample(wizard, example, { until: "household-separated" });
  const position = questionPages.findIndex((step) => step.id === "household-separated") + 1;
  await wizard.expectProgress(position, withoutBranch + 1);
});
