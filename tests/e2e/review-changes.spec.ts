/**
 * "Modifier" from the review: the person changes one answer and comes back to the review, which
 * shows the new answer; answers that no longer apply are dropped, and the page says so.
 */
import type { Item } from "../../src/shared/engine/answers";
import { groupItem, optionControl, optionLabel } from "./pages/question-answers";
import { WizardPage } from "./pages/wizard-page";
import { walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf, fieldOf } from "./support/flows";
import { exactly } from "./support/texts";

test.describe.configure({ mode: "parallel" });

test("one child's school regime changed from the review comes back to the review with the new value", async ({
  page,
}) => {
  // A whole procedure to the review, and back: more than the default time on a busy machine.
  test.slow();
  const { example } = exampleOf("bourse-scolaire", "several-children");
  const wizard = new WizardPage(page, "bourse-scolaire");
  const children = fieldOf(wizard.flow, "children");
  if (children.type !== "group") throw new Error("children should be a group");
  const regime = children.fields.find((field) => field.id === "regime");
  if (!regime) throw new Error("children should have a regime");
  const items = example.answers.children as Item[];
  await wizard.start();
  await walkExample(wizard, example);

  await wizard.changeButton(children).click();
  await wizard.expectStep("children");
  const scope = { page, within: page, texts: wizard.texts };
  const second = { ...scope, within: groupItem(scope, children, 2) };
  await expect(optionControl(second, regime, items[1]?.regime)).toBeChecked();
  await optionControl(second, regime, "boarder").check();
  await wizard.continue();

  await wizard.expectStep(example.expect.end);
  const reviewed = wizard.reviewRow(children).getByRole("listitem");
  await expect(reviewed).toHaveCount(items.length);
  await expect(reviewed.nth(1)).toContainText(optionLabel(wizard.texts, regime, "boarder"));
  await expect(reviewed.nth(1)).not.toContainText(optionLabel(wizard.texts, regime, items[1]?.regime));
  // The other children are as they were.
  for (const index of [0, 2])
    await expect(reviewed.nth(index)).toContainText(optionLabel(wizard.texts, regime, items[index]?.regime));
});

test("parents no longer separated: the custody decision leaves the review and its checklist, and the page says so", async ({
  page,
}) => {
  // A whole procedure to the review, and back: more than the default time on a busy machine.
  test.slow();
  const { example } = exampleOf("bourse-scolaire", "separated-parents");
  const wizard = new WizardPage(page, "bourse-scolaire");
  const separated = fieldOf(wizard.flow, "parentsSeparated");
  const custody = fieldOf(wizard.flow, "custodyFile");
  const custodyDocument = wizard.texts.flowText("documents.custodyDecision.label");
  await wizard.start();
  await walkExample(wizard, example);
  await expect(wizard.changeButton(custody)).toBeVisible();
  await expect(wizard.documentChecklist()).toContainText(custodyDocument);

  await wizard.changeButton(separated).click();
  await wizard.expectStep("household-separated");
  await wizard.fillStep({ parentsSeparated: false });
  await wizard.continue();

  await wizard.expectStep(example.expect.end);
  // Only the custody decision hung on that answer.
  await expect(
    page.getByRole("status").filter({ hasText: exactly(wizard.texts.wizard("step.dropped", { count: 1 })) }),
  ).toBeVisible();
  await expect(wizard.reviewRow(separated)).toContainText(optionLabel(wizard.texts, separated, false));
  await expect(wizard.changeButton(custody)).toHaveCount(0);
  await expect(wizard.documentChecklist()).not.toContainText(custodyDocument);
  const stillNeeded = example.expect.documents?.filter((id) => id !== "custodyDecision") ?? [];
  await expect(wizard.documentChecklist().getByRole("listitem")).toHaveCount(stillNeeded.length);
});
