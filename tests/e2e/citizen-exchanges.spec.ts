/**
 * The citizen's half of the back office, end to end on the real server and the built app, with a
 * real SMTP server started here (so the server gets its own process, SMTP_URL set): a person on a
 * phone signs in and sends a medical-aid request; an agent on a PC finds it in "À traiter",
 * follows it, asks for a missing document and writes a message, in the back office's own forms;
 * the person gets the email, sees on "Mes démarches" what is asked, reads the message again offline, answers it and adds the document from the phone's receipt while
 * offline — kept on the phone, said so — and both leave once the network is back; the agent sees
 * them and accepts with a reason; the receipt says "acceptée" with it. Then documents left for
 * later (issue 13): listed on the receipt of a request sent without an account, one added from
 * it, the other still due.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import exchanges from "../../locales/fr/exchanges.json" with { type: "json" };
import requests from "../../locales/fr/requests.json" with { type: "json" };
import staff from "../../locales/fr/staff.json" with { type: "json" };
import { type Mailbox, startMailbox } from "../support/mailbox";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { filePayload } from "./support/document-files";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf, fieldOf } from "./support/flows";
import { createE2eStaffAccount, staffSignIn } from "./support/staff-sign-in";
import { exactly, textOf } from "./support/texts";

const FLOW = "aide-medicale";
const { example } = exampleOf(FLOW, "eligible-single");
/** A document of the procedure the example sends, asked for again (the copy was unreadable). */
const ASKED = "residenceProofFile";
const REASON = "Vous recevrez votre carte d'aide médicale par courrier.";

interface Site {
  readonly server: ServerProcess;
  readonly mailbox: Mailbox;
  readonly dataDir: string;
}

/** The real server with its own data and a real SMTP server it sends every email to. */
const test = base.extend<{ site: Site }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none.
  site: async ({}, use) => {
    const mailbox = await startMailbox();
    const dataDir = mkdtempSync(join(tmpdir(), "pap-exchanges-"));
    const server = await startServerProcess(dataDir, {
      SMTP_URL: mailbox.url,
      MAIL_FROM: "Pas à pas <ne-pas-repondre@province-sud.nc>",
      SIGN_IN_CODES_PER_CLIENT_PER_HOUR: "1000",
    });
    await use({ server, mailbox, dataDir });
    await server.stop();
    await mailbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test.skip(({ isMobile }) => !isMobile, "a phone and a PC in one test: the phone project runs it");
// Its own server, two browsers, a walk through a procedure, on a loaded machine.
test.setTimeout(240_000);

/** The newest email to `address` whose subject matches, once the server's queue has sent it. */
async function mailTo(mailbox: Mailbox, address: string, subject: RegExp): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      () => {
        found = mailbox.received
          .filter((m) => m.to && JSON.stringify(m.to).includes(address) && subject.test(m.subject ?? ""))
          .at(-1);
        return Boolean(found);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found as ParsedMail;
}

function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: "fr-FR",
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
}

/** Uncaught errors of a page fail the test (offline, failed requests are expected and not errors). */
function watch(page: Page, problems: string[]): Page {
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return page;
}

test("a person adds a document the agent asked for from their phone, offline first, and reads the decision with its reason", async ({
  browser,
  site,
}) => {
  const problems: string[] = [];
  const { server, mailbox } = site;
  const address = `personne-${crypto.randomUUID().slice(0, 8)}@exemple.nc`;

  // The phone: sign in with a code that arrives by email, then the procedure.
  const phone = await phoneContext(browser, server.url);
  const citizen = watch(await phone.newPage(), problems);
  await citizen.goto("/connexion");
  await citizen.getByLabel("Votre adresse e-mail ou votre numéro de portable").fill(address);
  await citizen.getByRole("button", { name: "Recevoir un code" }).click();
  const codeMail = await mailTo(mailbox, address, /code/i);
  const code = /\b(\d{6})\b/.exec(codeMail.text ?? "")?.[1] ?? "";
  await citizen.getByLabel("Le code à 6 chiffres").fill(code);
  await citizen.getByRole("button", { name: "Me connecter" }).click();
  await expect(citizen.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();

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

  // The PC: an agent of the medical aid finds it in "À traiter", follows it, asks for a document.
  const agentAccount = createE2eStaffAccount(["agent"], [FLOW], { dataDir: site.dataDir });
  const pc = await browser.newContext({
    baseURL: server.url,
    locale: "fr-FR",
    viewport: { width: 1280, height: 800 },
  });
  const agent = watch(await pc.newPage(), problems);
  await staffSignIn(agent, agentAccount);
  await agent.goto(`/agents?queue=to_process&q=${encodeURIComponent(reference)}`);
  const row = agent.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText("Déposée");
  await row.getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: `Demande ${reference}` })).toBeVisible();
  const documents = agent.getByRole("region", { name: "Documents" }).getByRole("heading", { level: 3 });
  await expect(documents.first()).toBeVisible();
  const documentsBefore = await documents.count();
  await agent.getByRole("button", { name: "Suivre" }).click();
  await expect(agent.getByText("Vous suivez cette demande.")).toBeVisible();
  // Asks, in the back office's own form, for that document again (the copy was unreadable).
  const askedLabel = wizard.texts.flowText(fieldOf(wizard.flow, ASKED).label);
  await agent.getByLabel(staff.agents.ask.kind.documents).check();
  await agent.getByLabel(askedLabel, { exact: true }).check();
  await agent
    .getByLabel(staff.agents.ask.documentsText)
    .fill("La copie du justificatif de domicile est illisible. Merci d'en envoyer une nouvelle.");
  await agent.getByRole("button", { name: staff.agents.ask.submit }).click();
  await expect(agent.getByText(staff.agents.ask.done)).toBeVisible();
  await expect(agent.getByTestId("request-status")).toHaveText("En attente du demandeur");

  // And writes to the person.
  await agent
    .getByLabel(staff.agents.messages.label)
    .fill("Bonjour, vous pouvez aussi passer au guichet de la DPASS.");
  await agent.getByRole("button", { name: staff.agents.messages.send }).click();
  await expect(agent.getByText(staff.agents.messages.sent)).toBeVisible();

  // The person is told by email, with nothing but the reference.
  const notice = await mailTo(mailbox, address, new RegExp(reference));
  expect(notice.text).toContain(reference);
  expect(notice.text).not.toContain("domicile");

  // "Mes démarches" on the phone says what is asked, without opening the receipt.
  await citizen.goto("/mes-demarches");
  await expect(
    citizen.getByText(textOf("fr", "tasks.documents", "requests", { count: 1, documents: askedLabel })),
  ).toBeVisible({ timeout: 30_000 });

  // Back on the phone's receipt: what is asked, with the procedure's own document field.
  await citizen.goto(receiptUrl);
  // Its heading says whether something is still asked.
  const tasks = citizen.getByRole("region", {
    name: exactly(exchanges.tasks.heading_one, exchanges.tasks.headingDone),
  });
  await expect(tasks).toContainText("illisible", { timeout: 30_000 });
  await expect(citizen.getByText(requests.standing.awaiting_citizen.next)).toBeVisible();
  const send = tasks.getByRole("button", { name: exchanges.tasks.send });
  await expect(send).toBeVisible();
  const messages = citizen.getByRole("region", { name: exactly(exchanges.messages.heading) });
  await expect(messages).toContainText("passer au guichet de la DPASS");
  await expectNoViolations(citizen, "a receipt with a task and messages");
  // Once to "Mes démarches" and back online, so the pages' code is in this tab for the offline walk.
  await citizen.getByRole("link", { name: requests.seeAll }).click();
  await citizen.getByRole("link", { name: "Aide médicale" }).first().click();
  await expect(messages).toContainText("passer au guichet de la DPASS");

  // Offline: the message fetched before is still there, read from the phone.
  await phone.setOffline(true);
  await citizen.evaluate(() => window.dispatchEvent(new Event("offline")));
  await citizen.getByRole("link", { name: requests.seeAll }).click();
  await citizen.getByRole("link", { name: "Aide médicale" }).first().click();
  await expect(messages).toContainText("passer au guichet de la DPASS");
  // A reply written offline waits on the phone, said so.
  await messages.getByLabel(exchanges.messages.label).fill("Merci, je vous envoie la facture d'eau.");
  await messages.getByRole("button", { name: exchanges.messages.send }).click();
  await expect(messages.getByText(exchanges.answer.waitingNetwork)).toBeVisible();

  // The document too is kept on the phone, and the page says it will leave with the network.
  await tasks
    .locator('input[type="file"]')
    .first()
    .setInputFiles(filePayload({ name: "facture-eau.pdf", type: "application/pdf" }));
  await expect(tasks.getByRole("button", { name: "Retirer facture-eau.pdf" })).toBeVisible();
  await send.click();
  await expect(tasks.getByText(exchanges.answer.waitingNetwork)).toBeVisible();
  await expectNoViolations(citizen, "a receipt with an answer waiting for the network");

  // The network is back: the sender sends it once, and the task reads as answered.
  await phone.setOffline(false);
  await citizen.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(tasks.getByText(/^Vous avez répondu le /)).toBeVisible({ timeout: 60_000 });
  await expect(tasks.getByRole("heading", { level: 2 })).toHaveText(exchanges.tasks.headingDone);

  await expect(messages.getByText(exchanges.answer.waitingNetwork)).toHaveCount(0, { timeout: 60_000 });
  await expect(messages).toContainText("je vous envoie la facture");

  // The agent sees the document and the reply, and accepts with a reason.
  await agent.reload();
  await expect(agent.getByRole("region", { name: "Messages" })).toContainText("je vous envoie la facture");
  await expect(agent.getByTestId("request-status")).toHaveText("En instruction");
  await expect(documents).toHaveCount(documentsBefore + 1);
  await agent.getByLabel("Accepter", { exact: true }).check();
  await agent.getByLabel("Précisions pour le demandeur (facultatif)").fill(REASON);
  await agent.getByRole("button", { name: "Changer le statut" }).click();
  await agent.getByRole("button", { name: "Oui, confirmer" }).click();
  await expect(agent.getByTestId("request-status")).toHaveText("Acceptée");

  // The phone's receipt: "acceptée", and why.
  await citizen.reload();
  await expect(citizen.getByText(/^Acceptée le /)).toBeVisible({ timeout: 30_000 });
  await expect(citizen.getByText(`La raison donnée\u00a0: ${REASON}`)).toBeVisible();
  await expectNoViolations(citizen, "a receipt with a decision");
  await citizen.goto("/mes-demarches");
  await expect(citizen.getByText(/^Acceptée le /)).toBeVisible();
  await expectNoViolations(citizen, "Mes démarches with a decision");

  await phone.close();
  await pc.close();
  expect(problems).toEqual([]);
});

test("documents left for later are listed on the receipt and added from it, one now and one still due", async ({
  browser,
  site,
}) => {
  const problems: string[] = [];
  const later = exampleOf("bourse-scolaire", "documents-later").example;
  const texts = JSON.parse(readFileSync("locales/fr/bourse-scolaire.json", "utf8")) as {
    fields: Record<string, { label: string }>;
  };
  // No account: the request is known on the phone that sent it, by its id.
  const phone = await phoneContext(browser, site.server.url);
  const page = watch(await phone.newPage(), problems);
  const wizard = new WizardPage(page, "bourse-scolaire");
  await page.goto("/bourse-scolaire");
  await wizard.start();
  await walkExample(wizard, later);
  await sendFromReview(wizard);

  const tasks = page.getByRole("region", {
    name: exactly(exchanges.tasks.heading_one, exchanges.tasks.headingDone),
  });
  await expect(tasks.getByRole("heading", { level: 3 })).toHaveText(exchanges.tasks.later_other, {
    timeout: 30_000,
  });
  const taxNotice = tasks.getByRole("group", { name: texts.fields.taxNoticeFile?.label });
  await expect(tasks.getByRole("group", { name: texts.fields.custodyFile?.label })).toBeVisible();
  await expectNoViolations(page, "a receipt with documents to add later");
  await taxNotice
    .locator('input[type="file"]')
    .first()
    .setInputFiles(filePayload({ name: "avis-imposition.pdf", type: "application/pdf" }));
  await expect(taxNotice.getByRole("button", { name: "Retirer avis-imposition.pdf" })).toBeVisible();
  await tasks.getByRole("button", { name: exchanges.tasks.send }).click();

  // The tax notice is sent; the custody decision is still due, asked on its own.
  await expect(tasks.getByText(/^Vous avez répondu le /)).toBeVisible({ timeout: 60_000 });
  await expect(tasks.getByRole("heading", { level: 3 })).toHaveText([
    exchanges.tasks.later_other,
    exchanges.tasks.later_one,
  ]);
  await expect(tasks.getByRole("group", { name: texts.fields.custodyFile?.label })).toBeVisible();
  await phone.close();
  expect(problems).toEqual([]);
});
