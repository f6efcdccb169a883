/**
 * Requests that follow the person, on two devices (two browser contexts): a phone sends a
 * request without an account; its receipt offers "Suivre ma demande"; signing in there offers to
 * attach it, which the person accepts; a computer signed in to the same account then finds it in
 * "Mes démarches" with its status in words and what happens next, and its receipt says the same.
 */
import { randomUUID } from "node:crypto";
import { localeText } from "../support/flow-texts";
import { MyRequestsPage } from "./pages/my-requests-page";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { signIn, signInHere } from "./support/code-sign-in";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";
import { formatDate } from "./support/formats";
import { expect, test } from "./support/network-failure-fixtures";
import { exactly } from "./support/texts";

const { example } = exampleOf("aide-medicale", "eligible-single");
const today = () => formatDate("fr", new Date().toLocaleDateString("sv-SE"));

test("a request sent without an account is attached at sign-in and shows, with its status, on another device", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "two devices in one test: the phone project is one of them");
  test.slow();
  const address = `e2e-follow-${randomUUID().slice(0, 8)}@example.nc`;
  const wizard = new WizardPage(page, "aide-medicale");
  const requests = new MyRequestsPage(page);

  // The start page offers an account, and does not ask for one.
  await page.goto("/aide-medicale");
  await expect(page.getByText(wizard.texts.wizard("start.account"), { exact: false })).toBeVisible();
  await wizard.start();
  await walkExample(wizard, example);
  await sendFromReview(wizard);
  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  const official = page
    .getByRole("paragraph")
    .filter({ hasText: wizard.texts.wizard("request.officialReference") })
    .locator("strong");
  await expect(official).toHaveText(/^AM-\d{4}-\d+$/);
  const reference = (await official.textContent()) ?? "";

  // The receipt follows the request on the server, and offers an account to follow it elsewhere.
  const receivedWords = requests.text("standing.received.status", { date: today() });
  await expect(page.getByText(requests.text("standing.received.next"))).toBeVisible();
  await expect(page.getByRole("heading", { name: exactly(requests.text("follow.heading")) })).toBeVisible();
  await expectNoViolations(page, "receipt with 'Suivre ma demande'");
  await page.getByRole("link", { name: exactly(requests.text("follow.link")) }).click();
  await signInHere(page, address, 0);

  // Signed in: the device's account-free request is offered, and attached on "yes".
  await expect(page.getByText(exactly(requests.text("attach.offer_one", { count: 1 })))).toBeVisible();
  await expectNoViolations(page, "account page with the offer to attach");
  await page.getByRole("button", { name: exactly(requests.text("attach.yes")) }).click();
  await expect(page.getByText(exactly(requests.text("attach.done_one", { count: 1 })))).toBeVisible();

  // Another device, same account: the request is in "Mes démarches" with its status.
  const computer = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    serviceWorkers: "block",
    viewport: { width: 1280, height: 800 },
  });
  try {
    const other = await computer.newPage();
    const otherList = new MyRequestsPage(other);
    await signIn(other, address, 1);
    await other.goto("/");
    await otherList.catalogueLink().click();
    await expect(otherList.heading()).toHaveText(exactly(otherList.text("title")));
    const item = otherList.request(id);
    await expect(otherList.fact(item, "officialReference")).toHaveText(reference);
    await expect(otherList.fact(item, "status")).toHaveText(exactly(receivedWords));
    await expect(item.getByText(exactly(otherList.text("fromAccount")))).toBeVisible();
    await expectNoViolations(other, "Mes démarches with a request from another device");
    await item.getByRole("link").click();
    await expect(other.getByText(otherList.text("standing.received.next"))).toBeVisible();
    await expect(other.getByRole("heading", { name: exactly(otherList.text("follow.heading")) })).toHaveCount(
      0,
    );

    // Signing out forgets, on this computer, the request it only knew through the account.
    await other.goto("/compte");
    await other.getByRole("button", { name: "Me déconnecter", exact: true }).click();
    await expect(other.getByText(exactly(localeText("fr", "page.signedOutDone", "account")))).toBeVisible();
    await other.goto("/mes-demarches");
    await expect(other.getByText(exactly(otherList.text("empty")))).toBeVisible();
  } finally {
    await computer.close();
  }

  // The phone's own list still has it, and /demandes, the page's first address, still works.
  await page.goto("/demandes");
  await expect(requests.fact(requests.request(id), "officialReference")).toHaveText(reference);
});
