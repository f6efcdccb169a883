/**
 * A file from the province, end to end on the real server and the built app: a person sends a
 * medical-aid request from their phone (no account: the phone follows it by its id); an agent on
 * a PC writes to them from the request's page with a PDF joined; the phone's receipt shows the
 * message and its file, which opens (saves) on the phone; then, with the network cut, the
 * message and the file are still there, from the phone itself. Back online, the person answers
 * with a document joined, which the agent opens.
 */
import { readFileSync } from "node:fs";
import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import exchanges from "../../locales/fr/exchanges.json" with { type: "json" };
import requests from "../../locales/fr/requests.json" with { type: "json" };
import staff from "../../locales/fr/staff.json" with { type: "json" };
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { filePayload } from "./support/document-files";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";
import { createE2eStaffAccount, staffSignIn } from "./support/staff-sign-in";
import { exactly } from "./support/texts";

const FLOW = "aide-medicale";
const { example } = exampleOf(FLOW, "eligible-single");
const WORDS = "Voici le courrier de la DPASS, à garder avec votre carte.";

const test = base;
test.skip(({ isMobile }) => !isMobile, "a phone and a PC in one test: the phone project runs it");
// Two browsers and a walk through a procedure, on a loaded machine.
test.setTimeout(180_000);

function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: "fr-FR",
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    acceptDownloads: true,
  });
}

/** Uncaught errors of a page fail the test (offline, failed requests are expected and not errors). */
function watch(page: Page, problems: string[]): Page {
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return page;
}

/** Opens the file's link and returns what the phone saved. */
async function saved(page: Page, link: ReturnType<Page["getByRole"]>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("courrier-dpass.pdf");
  return readFileSync((await download.path()) ?? "");
}

test("an agent's PDF reaches the person's phone with the message, and stays readable offline", async ({
  browser,
  baseURL,
}) => {
  const problems: string[] = [];
  const phone = await phoneContext(browser, baseURL ?? "");
  const citizen = watch(await phone.newPage(), problems);
  const wizard = new WizardPage(citizen, FLOW);
  await citizen.goto(`/${FLOW}`);
  await wizard.start();
  await walkExample(wizard, example);
  await sendFromReview(wizard);
  const official = citizen
    .getByRole("paragraph")
    .filter({ hasText: wizard.texts.wizard("request.officialReference") })
    .locator("strong");
  await expect(official).toHaveText(/^AM-\d{4}-\d+$/, { timeout: 30_000 });
  const reference = (await official.textContent()) ?? "";
  const receiptUrl = citizen.url();

  // The PC: the agent writes from the request's page, with a PDF joined.
  const pc = await browser.newContext({ baseURL, locale: "fr-FR", viewport: { width: 1280, height: 800 } });
  const agent = watch(await pc.newPage(), problems);
  await staffSignIn(agent, createE2eStaffAccount(["agent"], [FLOW]));
  await agent.goto(`/agents?queue=to_process&q=${encodeURIComponent(reference)}`);
  await agent.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: `Demande ${reference}` })).toBeVisible();
  const messages = agent.getByRole("region", { name: staff.agents.messages.title });
  await messages.getByLabel(staff.agents.messages.label).fill(WORDS);
  const pdf = filePayload({ name: "courrier-dpass.pdf", type: "application/pdf" });
  await messages.getByLabel(staff.agents.messages.files).setInputFiles(pdf);
  await expect(messages.getByRole("button", { name: "Retirer courrier-dpass.pdf" })).toBeVisible();
  await expectNoViolations(agent, "a message with a file about to be sent");
  await messages.getByRole("button", { name: staff.agents.messages.send }).click();
  await expect(agent.getByText(staff.agents.messages.sent)).toBeVisible();
  const sentFile = messages.getByRole("list", { name: staff.agents.messages.attachments }).getByRole("link");
  await expect(sentFile).toHaveText(/^courrier-dpass\.pdf \(/);

  // The phone's receipt: the message, and its file, which the phone saves and opens.
  await citizen.goto(receiptUrl);
  const received = citizen.getByRole("region", { name: exactly(exchanges.messages.heading) });
  await expect(received).toContainText(WORDS, { timeout: 30_000 });
  const file = received.getByRole("list", { name: exchanges.messages.files }).getByRole("link");
  await expect(file).toHaveText(/^courrier-dpass\.pdf \(PDF, /);
  expect((await saved(citizen, file)).equals(pdf.buffer), "the agent's PDF, byte for byte").toBe(true);
  await expectNoViolations(citizen, "a receipt with a message and its file");
  // Once to "Mes démarches" and back online, so the pages' code is in this tab for the offline walk.
  await citizen.getByRole("link", { name: requests.seeAll }).click();
  await citizen.getByRole("link", { name: "Aide médicale" }).first().click();
  await expect(received).toContainText(WORDS);

  // Offline: the message and its file are read from the phone.
  await phone.setOffline(true);
  await citizen.evaluate(() => window.dispatchEvent(new Event("offline")));
  await citizen.getByRole("link", { name: requests.seeAll }).click();
  await citizen.getByRole("link", { name: "Aide médicale" }).first().click();
  await expect(received).toContainText(WORDS);
  await expect(file).toHaveAttribute("href", /^blob:/);
  expect((await saved(citizen, file)).equals(pdf.buffer), "the same PDF, offline").toBe(true);

  // Back online, the person answers with a document of their own, which the agent opens.
  await phone.setOffline(false);
  await citizen.evaluate(() => window.dispatchEvent(new Event("online")));
  await received.getByLabel(exchanges.messages.label).fill("Merci, voici ma facture d'eau.");
  await received
    .getByRole("group", { name: exchanges.messages.join })
    .locator('input[type="file"]')
    .first()
    .setInputFiles(filePayload({ name: "facture-eau.pdf", type: "application/pdf" }));
  await expect(received.getByRole("button", { name: "Retirer facture-eau.pdf" })).toBeVisible();
  await received.getByRole("button", { name: exchanges.messages.send }).click();
  // Once the server has it, the phone lists the document as the server names it, with a link.
  await expect(
    received
      .getByRole("listitem")
      .filter({ hasText: "voici ma facture" })
      .getByRole("link", { name: /^facture-eau\.pdf \(PDF, / }),
  ).toBeVisible({ timeout: 60_000 });
  await agent.reload();
  const reply = messages.getByRole("listitem").filter({ hasText: "voici ma facture" });
  await expect(reply).toContainText(staff.agents.messages.fromCitizen);
  const joined = reply.getByRole("link", { name: /^Ouvrir Document joint à un message/ });
  const served = await agent.request.get((await joined.getAttribute("href")) ?? "");
  expect(served.headers()["content-type"]).toBe("application/pdf");

  await phone.close();
  await pc.close();
  expect(problems).toEqual([]);
});
