/**
 * Signed in, a new request already holds the email the person signs in with, in the contact
 * question they see and can change; the help page says how to reach each department.
 */
import { randomUUID } from "node:crypto";
import { commonText } from "../support/flow-texts";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { signIn } from "./support/code-sign-in";
import { expectDepartmentContact } from "./support/department-contact";
import { expect, test } from "./support/fixtures";
import { exampleOf, fieldOf, loadFlow } from "./support/flows";
import { exactly } from "./support/texts";

test("signed in with an email, a new request finds it in the contact question, and it can be changed", async ({
  page,
}) => {
  test.slow();
  const address = `e2e-prefill-${randomUUID().slice(0, 8)}@example.nc`;
  await signIn(page, address, 0);
  const wizard = new WizardPage(page, "bourse-scolaire");
  await wizard.start();
  await wizard.fillStep(exampleOf("bourse-scolaire", "eligible-one-child").example.answers);
  await wizard.continue();
  await wizard.expectStep("contact");

  const byEmail = page.getByRole("checkbox", {
    name: exactly(wizard.texts.flowText("fields.contactBy.options.email")),
  });
  const byPhone = page.getByRole("checkbox", {
    name: exactly(wizard.texts.flowText("fields.contactBy.options.phone")),
  });
  const email = page.getByRole("textbox", { name: wizard.texts.label(fieldOf(wizard.flow, "contactEmail")) });
  await expect(byEmail).toBeChecked();
  await expect(byPhone).not.toBeChecked();
  await expect(email).toHaveValue(address);
  await expectNoViolations(page, "contact question filled from the account");

  // The person's own choice wins, and stays.
  await email.fill("autre-adresse@example.nc");
  await wizard.continue();
  await wizard.expectStep("postal-address");
  await wizard.back();
  await wizard.expectStep("contact");
  await expect(email).toHaveValue("autre-adresse@example.nc");
});

test("the help page says how to reach each procedure's department", async ({ page }) => {
  await page.goto("/aide");
  await expect(
    page.getByRole("heading", { level: 2, name: exactly(commonText("fr", "departmentContact.helpHeading")) }),
  ).toBeVisible();
  for (const flowId of ["bourse-scolaire", "aide-medicale"]) {
    const flow = loadFlow(flowId);
    const section = page.getByRole("region", {
      name: exactly(new WizardPage(page, flowId).texts.flowText(flow.title)),
    });
    await expect(section).toBeVisible();
    await expectDepartmentContact(section, flow);
  }
  await expectNoViolations(page, "help page with the departments' contacts");
});
