/**
 * Drafts with ids of their own: several of one procedure on one device, listed by whose each is;
 * an earlier step's address opened directly shows that step and stays there (it once flipped
 * between two steps many times a second, writing thousands of revisions); and addresses from
 * before drafts had ids still lead somewhere sensible.
 */
import { WizardPage } from "./pages/wizard-page";
import { savedDraft, savedDrafts } from "./support/device-draft";
import { expect, test } from "./support/fixtures";
import { formatDate } from "./support/formats";

test.describe.configure({ mode: "parallel" });

const FLOW = "bourse-scolaire";

/** From "Commencer": the applicant's page answered with this name, then "Continuer". */
async function startFor(wizard: WizardPage, first: string, last: string): Promise<void> {
  await wizard.fillStep({ applicantFirstName: first, applicantLastName: last });
  await wizard.continue();
  await wizard.expectStep("contact");
}

test("an earlier step's address, opened directly, shows that step and stays there", async ({ page }) => {
  const wizard = new WizardPage(page, FLOW);
  await wizard.start();
  const firstAddress = page.url();
  await startFor(wizard, "Léa", "Martin");
  await wizard.fillStep({ contactBy: ["email"], contactEmail: "lea.martin@exemple.nc" });
  await wizard.continue();
  await wizard.expectStep("postal-address");

  await page.goto(firstAddress);
  await wizard.expectStep("applicant");
  const draftId = wizard.draftId();
  const before = (await savedDraft(page, FLOW))?.revision ?? 0;
  const addresses: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) addresses.push(frame.url());
  });
  const movesInPage = await page.evaluate(async () => {
    let moves = 0;
    // pushState/replaceState do not fire an event: count them where the router calls them.
    const { pushState, replaceState } = history;
    history.pushState = (...args) => {
      moves++;
      pushState.apply(history, args);
    };
    history.replaceState = (...args) => {
      moves++;
      replaceState.apply(history, args);
    };
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return moves;
  });
  const after = (await savedDraft(page, FLOW))?.revision ?? 0;

  // Moving back to the first page is one change worth one save, at most; then nothing.
  expect(after - before, "draft saves in the second after loading the earlier address").toBeLessThanOrEqual(
    1,
  );
  expect(movesInPage, "address changes in that second").toBe(0);
  expect(addresses).toEqual([]);
  await wizard.expectStep("applicant");
  expect(page.url()).toBe(firstAddress);
  expect(wizard.draftId()).toBe(draftId);

  // And the procedure goes on from there, address and page together.
  await wizard.continue();
  await wizard.expectStep("contact");
  await wizard.back();
  await wizard.expectStep("applicant");
});

test("several drafts of one procedure, each listed with whose it is, resumed or deleted", async ({
  page,
}) => {
  const wizard = new WizardPage(page, FLOW);
  await wizard.start();
  await startFor(wizard, "Léa", "Martin");
  const lea = wizard.draftId();

  // Its start page lists the draft, and offers a new one next to it.
  await page.goto(`/${FLOW}`);
  await expect(wizard.draftItem("Léa Martin")).toBeVisible();
  await wizard.startButton(true).click();
  await wizard.expectStep("applicant");
  await startFor(wizard, "Paul", "Wayenece");
  const paul = wizard.draftId();
  expect(paul).not.toBe(lea);
  await expect.poll(async () => (await savedDrafts(page, FLOW)).length).toBe(2);

  // The catalogue lists both, whose each is and when it last changed.
  await page.goto("/");
  const today = formatDate("fr", new Date().toLocaleDateString("sv"));
  const changedToday = wizard.texts.common("drafts.changed", { date: today, time: "|" }).split("|")[0] ?? "";
  expect(changedToday).toContain(today);
  for (const person of ["Léa Martin", "Paul Wayenece"]) {
    await expect(wizard.draftItem(person)).toBeVisible();
    await expect(wizard.draftItem(person)).toContainText(changedToday);
  }

  // Deleting one, from the catalogue, leaves the other.
  await wizard
    .draftItem("Paul Wayenece")
    .getByRole("button", { name: wizard.texts.common("drafts.delete") })
    .click();
  await page.getByRole("button", { name: wizard.texts.common("drafts.confirmYes") }).click();
  await expect(wizard.draftItem("Paul Wayenece")).toHaveCount(0);
  await expect(wizard.draftItem("Léa Martin")).toBeVisible();

  // Back to the deleted draft's page in this tab: it is gone, not written back by its session.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${FLOW}$`));
  await expect(wizard.draftItem("Léa Martin")).toBeVisible();
  expect((await savedDrafts(page, FLOW)).map((draft) => draft.id)).toEqual([lea]);

  await wizard.resume("Léa Martin");
  await wizard.expectStep("contact");
  expect(wizard.draftId()).toBe(lea);
});

test("an address from before drafts had ids leads to the only draft, or to the start page", async ({
  page,
}) => {
  const wizard = new WizardPage(page, FLOW);
  await wizard.start();
  await startFor(wizard, "Léa", "Martin");
  const lea = wizard.draftId();

  await page.goto(`/${FLOW}/applicant`);
  await wizard.expectStep("applicant");
  expect(wizard.draftId()).toBe(lea);

  await page.goto(`/${FLOW}`);
  await wizard.startButton(true).click();
  await wizard.expectStep("applicant");
  await startFor(wizard, "Paul", "Wayenece");
  await page.goto(`/${FLOW}/applicant`);
  await expect(page).toHaveURL(new RegExp(`/${FLOW}$`));
  await expect(wizard.draftItem("Léa Martin")).toBeVisible();
  await expect(wizard.draftItem("Paul Wayenece")).toBeVisible();
});
