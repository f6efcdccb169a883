/**
 * A new version of the app is published while a person is halfway through a procedure: it waits
 * until they choose "Mettre à jour", and after the update they are on the same step with the
 * same answers, on the new version.
 */
import { commonText } from "../support/flow-texts";
import { labelledControl, type QuestionScope } from "./pages/question-answers";
import { WizardPage } from "./pages/wizard-page";
import { savedDraft } from "./support/device-draft";
import { walkExample } from "./support/example-walk";
import { test as base, expect } from "./support/fixtures";
import { exampleOf, fieldOf } from "./support/flows";
import { RELEASE_META, type ReleaseServer, startReleaseServer } from "./support/release-server";
import { containing, exactly } from "./support/texts";

/** A server of its own, on a copy of the build that the test changes; the page is opened from it. */
const test = base.extend<{ release: ReleaseServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads what a fixture needs from this pattern; it needs nothing.
  release: async ({}, use, testInfo) => {
    const server = await startReleaseServer(testInfo.outputPath("release"));
    await use(server);
    await server.stop();
  },
  baseURL: async ({ release }, use) => use(release.url),
});

const FLOW = "aide-medicale";
const { example } = exampleOf(FLOW, "eligible-single");

declare global {
  interface Window {
    /** Set by the test: gone when the page has been loaded again. */
    sameDocument?: boolean;
  }
}

// Updating has nothing that depends on the screen: the phone is enough, and saves starting a server.
test.skip(({ isMobile }) => !isMobile, "one device is enough: the desktop run adds nothing to updating");

test("a new version waits for the person, and updating keeps them on the same step with their answers", async ({
  page,
  release,
}) => {
  const wizard = new WizardPage(page, FLOW);
  const scope: QuestionScope = { page, within: page, texts: wizard.texts };
  const firstName = labelledControl(scope, fieldOf(wizard.flow, "applicantFirstName"));
  const lastName = labelledControl(scope, fieldOf(wizard.flow, "applicantLastName"));
  const banner = page.getByRole("status").filter({ hasText: containing(commonText("fr", "update.ready")) });
  const updateButton = banner.getByRole("button", { name: exactly(commonText("fr", "update.apply")) });
  const releaseMeta = page.locator(`meta[name="${RELEASE_META}"]`);
  let loads = 0;
  page.on("load", () => loads++);

  // The first visit: the service worker installs while the person starts, and takes control. The
  // page is never reloaded before the update on purpose: one opened before any version controlled
  // it is the case where the page once stayed stuck after "Mettre à jour".
  await wizard.start();
  await walkExample(wizard, example, { until: "applicant" });
  await firstName.fill(String(example.answers.applicantFirstName));
  await lastName.fill(String(example.answers.applicantLastName));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(() => {
    window.sameDocument = true;
  });
  const stepAddress = page.url();

  release.publishRelease(2);
  // What the browser does on a navigation, asked for now rather than waited for.
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

  // The new worker first downloads the changed pages: seconds on a loaded machine (seen past 5 s).
  await expect(banner).toBeVisible({ timeout: 20_000 });
  // Nothing was swapped: the same document, still the old version, with what was typed.
  expect(await page.evaluate(() => window.sameDocument)).toBe(true);
  await expect(page).toHaveURL(stepAddress);
  await expect(releaseMeta).toHaveCount(0);
  await expect(firstName).toHaveValue(String(example.answers.applicantFirstName));
  await expect(lastName).toHaveValue(String(example.answers.applicantLastName));
  const loadsBeforeUpdate = loads;

  await updateButton.click();

  // One reload, onto the new version, on the same step with the same answers.
  await expect(releaseMeta).toHaveAttribute("content", "2");
  expect(await page.evaluate(() => window.sameDocument)).toBeUndefined();
  await wizard.expectStep("applicant");
  await expect(firstName).toHaveValue(String(example.answers.applicantFirstName));
  await expect(lastName).toHaveValue(String(example.answers.applicantLastName));
  await expect(banner).toHaveCount(0);
  const registration = await page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(found?.waiting), controlled: navigator.serviceWorker.controller !== null };
  });
  expect(registration).toEqual({ waiting: false, controlled: true });
  expect((await savedDraft(page, FLOW))?.answers).toMatchObject({
    residentSixMonths: example.answers.residentSixMonths,
    commune: example.answers.commune,
    applicantFirstName: example.answers.applicantFirstName,
    applicantLastName: example.answers.applicantLastName,
  });
  expect(loads - loadsBeforeUpdate, "the page loads once after the update").toBe(1);
});
