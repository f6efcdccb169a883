/**
 * After one visit with network, the app works with none: a whole procedure with a photo, a
 * reload in the middle and the browser closed and opened again (a persistent profile, as on a
 * phone), every answer and the document found intact, and the request kept on the device.
 * The first visit downloads no procedure; opening one downloads that one alone.
 */
import { chromium, expect, type Page, test } from "@playwright/test";
import config from "../../playwright.config";
import { flowIds } from "../support/flow-texts";
import { WizardPage } from "./pages/wizard-page";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";

/** The procedures whose flow file the service worker holds, whatever cache it is in. */
async function cachedFlowChunks(page: Page): Promise<string[]> {
  const urls = await page.evaluate(async () => {
    const found: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) found.push(request.url);
    return found;
  });
  return flowIds().filter((id) => urls.some((url) => new RegExp(`/assets/${id}-[\\w-]+\\.js`).test(url)));
}

const { example } = exampleOf("aide-medicale", "eligible-single");

test("a procedure with a photo, done offline across a reload and a browser restart", async ({
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one device is enough: the desktop run adds nothing offline");
  // A whole procedure, a browser restart and a photo shrunk on a 2-core machine under load.
  test.setTimeout(120_000);
  const use = testInfo.project.use;
  const profile = testInfo.outputPath("profile");
  const open = () =>
    chromium.launchPersistentContext(profile, {
      ...config.use?.launchOptions,
      baseURL,
      viewport: use.viewport,
      serviceWorkers: "allow",
    });

  let context = await open();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto("/");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await cachedFlowChunks(page)).toEqual([]);

  let wizard = new WizardPage(page, "aide-medicale");
  await wizard.openForOffline();
  expect(await cachedFlowChunks(page)).toEqual(["aide-medicale"]);

  await context.setOffline(true);
  // A procedure never opened with a connection says so, instead of loading forever.
  await page.goto("/bourse-scolaire");
  await expect(page.getByRole("alert")).toContainText("pas encore enregistrée sur cet appareil");
  await page.goto("/");
  await expect(page.getByRole("status").filter({ hasText: "hors connexion" })).toBeVisible();
  await wizard.start();
  await walkExample(wizard, example, { until: "applicant" });
  await page.reload();
  await wizard.expectStep("applicant");
  await walkExample(wizard, example, { until: "documents-residence" });

  // The photo is stored: close the browser, as when a phone kills it, and open it again offline.
  const address = page.url();
  await context.close();
  context = await open();
  await context.setOffline(true);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(address);
  wizard = new WizardPage(page, "aide-medicale");
  await wizard.expectStep("documents-residence");
  await walkExample(wizard, example);

  const review = page.getByRole("main");
  await expect(review).toContainText(String(example.answers.applicantLastName));
  const photo = (example.answers.idApplicantFile as { name: string }[])[0];
  await expect(review).toContainText(String(photo?.name.replace(/\.[a-z]+$/, "")));
  await sendFromReview(wizard);
  await expect(
    page.getByRole("status").filter({ hasText: "elle partira dès que vous aurez du réseau" }),
  ).toBeVisible();
  await context.close();
});
