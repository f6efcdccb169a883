/**
 * Every example answer set of every procedure (flows/examples/<flow>/), completed through the
 * page from the catalogue: to the confirmation when it ends at the review, else to its outcome.
 * Adding an example file adds a test here.
 */

import { DOCUMENT_LATER } from "../../src/shared/engine/answers";
import { WizardPage } from "./pages/wizard-page";
import { expectDepartmentContact } from "./support/department-contact";
import { sendFromReview, walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { allExamples, fieldOf, stepOf } from "./support/flows";
import { exactly, textOf } from "./support/texts";

test.describe.configure({ mode: "parallel" });

for (const { flowId, name, example } of allExamples()) {
  test(`${flowId} / ${name}: ${example.description}`, async ({ page }) => {
    // Up to 15 pages with photos to prepare: more than the default time on a busy machine.
    test.slow();
    const wizard = new WizardPage(page, flowId);
    await wizard.start();
    await walkExample(wizard, example);

    const end = stepOf(wizard.flow, example.expect.end);
    if (end.type === "outcome") {
      await expect(page.getByText(exactly(wizard.texts.flowText(end.reason)))).toBeVisible();
      // "Contactez la DERES/DPASS" comes with how: its phone, address and hours.
      await expectDepartmentContact(page, wizard.flow);
      return;
    }
    // Every answer is on the review with its "Modifier : <question>".
    for (const step of wizard.flow.steps)
      if (step.type === "questions")
        for (const field of step.fields)
          if (field.id in example.answers) await expect(wizard.changeButton(field)).toBeVisible();
    // The checklist lists the documents the example expects, each one added or to send later.
    const checklist = wizard.documentChecklist();
    const expected = wizard.flow.documents.filter((doc) => example.expect.documents?.includes(doc.id));
    await expect(checklist.getByRole("listitem")).toHaveCount(expected.length);
    for (const doc of expected) {
      const later = doc.field !== undefined && example.answers[doc.field] === DOCUMENT_LATER;
      await expect(
        checklist.getByRole("listitem").filter({ hasText: wizard.texts.flowText(doc.label) }),
      ).toContainText(wizard.texts.wizard(later ? "review.documentLater" : "review.documentProvided"));
    }
    await sendFromReview(wizard);
    // "La province vous le demandera si vous l'appelez": the receipt says where to call.
    await expectDepartmentContact(page, wizard.flow);
    // The receipt lists what is still to send, so the person knows what to keep aside.
    const later = expected.filter(
      (doc) => doc.field !== undefined && example.answers[doc.field] === DOCUMENT_LATER,
    );
    if (later.length === 0) return;
    // Online, the server's task for them soon takes the place of the device's own list (an
    // instant earlier it may still show): the last word, with the form to add them.
    const due = page.getByRole("region", {
      name: textOf("fr", "tasks.later", "exchanges", { count: later.length }),
    });
    const named = due.getByRole("list").first().getByRole("listitem");
    // The task names each document as its question does ("Votre avis d'imposition…").
    for (const doc of later)
      await expect(named).toContainText([wizard.texts.flowText(fieldOf(wizard.flow, doc.field ?? "").label)]);
    await expect(named).toHaveCount(later.length);
    // "Mes démarches" gives them their line too, from the task the phone now holds.
    const documents = later.map((doc) => wizard.texts.flowText(fieldOf(wizard.flow, doc.field ?? "").label));
    await page.goto("/mes-demarches");
    await expect(
      page.getByText(
        textOf("fr", "tasks.later", "requests", { count: later.length, documents: documents.join(", ") }),
      ),
    ).toBeVisible();
  });
}
