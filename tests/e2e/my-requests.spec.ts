/**
 * "Mes demandes": a request made offline is listed from the catalogue with its provisional
 * number and "not sent yet"; when the network returns, the open list turns it into "sent" with
 * the province's number; offline again, after a reload, the list and the receipt still read.
 */
import { commonText } from "../support/flow-texts";
import { MyRequestsPage } from "./pages/my-requests-page";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { sendFromReview, walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf } from "./support/flows";
import { formatDate } from "./support/formats";
import { exactly } from "./support/texts";

const { example } = exampleOf("aide-medicale", "eligible-single");

/** Today on this machine, the browser's too, as "12 mars 2026". */
const today = () => formatDate("fr", new Date().toLocaleDateString("sv-SE"));

test("an empty list says so, and leads to the procedures", async ({ page }) => {
  const requests = new MyRequestsPage(page);
  await page.goto("/");
  await requests.catalogueLink().click();
  await expect(requests.heading()).toHaveText(exactly(requests.text("title")));
  await expect(page).toHaveTitle(`${requests.text("title")} – ${commonText("fr", "app.name")}`);
  await expect(page.getByText(exactly(requests.text("empty")))).toBeVisible();
  await expectNoViolations(page, "Mes demandes, empty");
  await page.getByRole("link", { name: exactly(requests.text("catalogue")) }).click();
  await expect(requests.catalogueLink()).toBeVisible();
});

test("a request made offline: listed, then sent while the list is open, and readable offline", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one walk is enough: the phone is the narrow, offline case");
  // A whole procedure with photos shrunk on a busy machine.
  test.slow();
  const requests = new MyRequestsPage(page);
  const wizard = new WizardPage(page, "aide-medicale");
  await wizard.openForOffline();

  await context.setOffline(true);
  await wizard.start();
  await walkExample(wizard, example);
  await sendFromReview(wizard);
  const receiptNumber = page
    .getByRole("paragraph")
    .filter({ hasText: wizard.texts.wizard("request.reference") })
    .locator("strong");
  const provisional = (await receiptNumber.textContent()) ?? "";
  expect(provisional).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";

  await page.getByRole("link", { name: exactly(wizard.texts.wizard("request.catalogue")) }).click();
  await requests.catalogueLink().click();
  await expect(requests.heading()).toHaveText(exactly(requests.text("title")));
  const item = requests.request(id);
  await expect(item.getByRole("link")).toHaveText(exactly(wizard.texts.flowText(wizard.flow.title)));
  await expect(requests.fact(item, "reference")).toHaveText(provisional);
  await expect(requests.fact(item, "status")).toHaveText(exactly(requests.text("state.waitingNetwork")));

  await page.reload();
  await expect(requests.fact(item, "reference")).toHaveText(provisional);
  await expect(requests.fact(item, "status")).toHaveText(exactly(requests.text("state.waitingNetwork")));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "sideways scrolling at 360 px").toBeLessThanOrEqual(0);
  await expectNoViolations(page, "Mes demandes");

  // The network returns: the sender sends it, and the list says so without being reloaded.
  await context.setOffline(false);
  const official = new RegExp(`^${wizard.flow.referencePrefix}-\\d{4}-\\d+$`);
  await expect(requests.fact(item, "officialReference")).toHaveText(official);
  await expect(requests.fact(item, "status")).toHaveText(
    exactly(requests.text("state.sent", { date: today() })),
  );
  const reference = (await requests.fact(item, "officialReference").textContent()) ?? "";

  // Its answers are gone from the device now; the receipt is not.
  await context.setOffline(true);
  await page.reload();
  await expect(requests.fact(item, "officialReference")).toHaveText(reference);
  await expect(requests.fact(item, "status")).toHaveText(
    exactly(requests.text("state.sent", { date: today() })),
  );
  await item.getByRole("link").click();
  await expect(wizard.heading()).toHaveText(exactly(wizard.texts.wizard("request.sentTitle")));
  await expect(
    page.getByRole("paragraph").filter({ hasText: wizard.texts.wizard("request.officialReference") }),
  ).toContainText(reference);
  await requests.seeAllLink().click();
  await expect(requests.fact(item, "officialReference")).toHaveText(reference);
});
