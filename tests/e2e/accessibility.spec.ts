/**
 * axe-core finds no WCAG 2.1 A or AA problem on any distinct page, in French and in English: the
 * catalogue, each start page, every step the examples reach (questions, info, outcome, review,
 * declaration), the confirmation, and a page showing the error summary.
 *
 * Each language runs on one screen size, French on the phone and English on the desktop: every
 * page is checked in both languages and at both sizes, in half the time of every combination
 * (language changes the words, the screen the layout; axe's rules do not depend on both at once).
 */
import { commonText, flowIds } from "../support/flow-texts";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { sendFromReview, walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { stepOfType } from "./support/flows";
import { examplesShowingEveryPage } from "./support/page-coverage";
import { exactly, type Language } from "./support/texts";

test.describe.configure({ mode: "parallel" });

/** The phone project is the mobile one (playwright.config.ts). */
const ON_PHONE: Readonly<Record<Language, boolean>> = { fr: true, en: false };

/** The page in `language`, chosen as a person chooses it: the header's button, remembered afterwards. */
async function chooseLanguage(page: WizardPage["page"], language: Language): Promise<void> {
  await page.goto("/");
  const current = (await page.locator("html").getAttribute("lang")) as Language;
  if (current === language) return;
  await page.getByRole("button", { name: exactly(commonText(current, `language.${language}`)) }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

for (const [language, onPhone] of Object.entries(ON_PHONE) as [Language, boolean][]) {
  test.describe(`in ${language === "fr" ? "French" : "English"}`, () => {
    // Decided from an option, before any page opens, so the skipped half costs nothing.
    test.skip(({ isMobile }) => isMobile !== onPhone, `${language} is checked on one screen size`);
    test.beforeEach(async ({ page }) => chooseLanguage(page, language));

    test("the catalogue and each procedure's start page", async ({ page }) => {
      for (const flowId of flowIds()) {
        const wizard = new WizardPage(page, flowId, language);
        await page.goto("/");
        await expect(wizard.catalogueLink()).toBeVisible();
        await expectNoViolations(page, "the catalogue");
        await wizard.catalogueLink().click();
        await expect(wizard.startButton()).toBeVisible();
        await expectNoViolations(page, `the start page of ${flowId}`);
      }
    });

    test("a page with its error summary", async ({ page }) => {
      const wizard = new WizardPage(page, "bourse-scolaire", language);
      await wizard.start();
      await wizard.continue();
      await expect(wizard.errorSummary()).toBeFocused();
      await expectNoViolations(page, "the error summary");
    });

    for (const flowId of flowIds())
      for (const { named, steps } of examplesShowingEveryPage(flowId)) {
        test(`${flowId}: ${steps.join(", ")} (${named.name})`, async ({ page }) => {
          // A whole procedure, with photos and an analysis per page: more than the default time when busy.
          test.slow();
          const wizard = new WizardPage(page, flowId, language);
          const checked: string[] = [];
          const visit = async (step: { id: string }) => {
            if (!steps.includes(step.id) || checked.includes(step.id)) return;
            await expectNoViolations(page, `${flowId}/${step.id}`);
            checked.push(step.id);
          };
          // Steps come in path order: the declaration or confirmation last means going through the review.
          const last = steps.at(-1);
          const sending =
            last === stepOfType(wizard.flow, "submitted").id ||
            last === stepOfType(wizard.flow, "declaration").id;
          await wizard.start();
          await walkExample(wizard, named.example, {
            until: sending ? named.example.expect.end : last,
            visit,
          });
          if (sending) await sendFromReview(wizard, visit);
          expect(checked, "pages checked").toEqual(steps);
        });
      }
  });
}
