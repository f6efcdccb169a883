/**
 * The back office by keyboard alone, at a desktop's width and a tablet's held upright, with axe
 * on each page as it changes: an agent assigns a filtered queue to a colleague (the count
 * confirmed first), opens the request, follows it, hands it to a colleague chosen by name,
 * reads the citizen's message and opens the PDF joined to it, writes back, asks for a named document (refused until one is ticked), and a
 * supervisor reads the request's audit trail and downloads it. Every control is reached with Tab
 * and worked with Enter, Space or by typing; nothing is clicked.
 */
import type { Locator, Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { citizenMessageWithPdf, sendSchoolGrant } from "./support/school-grant-request";
import { createE2eStaffAccount, staffSignIn } from "./support/staff-sign-in";

// Three staff accounts are made by `npm run staff` (a process each), on a loaded machine.
test.setTimeout(180_000);

const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "tablet", viewport: { width: 768, height: 1024 } },
] as const;

/** Tab until `target` has the focus: it is reachable by keyboard, in the page's order. */
async function tabTo(page: Page, target: Locator, most = 150): Promise<void> {
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not reached with ${most} presses of Tab: ${target}`);
}

/** A closed select takes what is typed: the option whose name starts with it is chosen. */
async function chooseByTyping(page: Page, select: Locator, name: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.type(name);
  await expect(select.locator("option:checked")).toHaveText(name);
}

async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `sideways scrolling: ${what}`).toBeLessThanOrEqual(0);
}

for (const width of WIDTHS) {
  test(`the back office by keyboard alone, axe clean (${width.name}, ${width.viewport.width} px)`, async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "the back office is for PCs and tablets");
    await page.setViewportSize(width.viewport);
    const suffix = crypto.randomUUID().slice(0, 6);
    const agentName = `Léa Clavier ${suffix}`;
    const colleagueName = `Marc Tabulation ${suffix}`;
    const agent = createE2eStaffAccount(["agent"], ["bourse-scolaire"], { name: agentName });
    createE2eStaffAccount(["agent"], ["bourse-scolaire"], { name: colleagueName });
    const supervisor = createE2eStaffAccount(["supervisor"], ["bourse-scolaire"], {
      name: `Responsable ${suffix}`,
    });
    const sent = await sendSchoolGrant(baseURL ?? "");
    const question = `Faut-il un autre justificatif (${suffix})\u00a0?`;
    await citizenMessageWithPdf(baseURL ?? "", sent.id, question);
    await staffSignIn(page, agent);

    // The queue, filtered to this request: the procedure by its title, and assigned in bulk.
    await page.goto(`/agents?queue=to_process&q=${encodeURIComponent(sent.reference)}`);
    await expect(page.getByText("Bourse scolaire", { exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: sent.reference });
    await expect(row).toContainText("Personne");
    await expectNoViolations(page, `a queue, ${width.name}`);
    await expectNoSidewaysScroll(page, "a queue");
    await chooseByTyping(page, page.getByLabel("Attribuer à"), colleagueName);
    const assign = page.getByRole("button", { name: "Attribuer la demande de cette liste" });
    await tabTo(page, assign);
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("group", { name: `Attribuer 1 demande à ${colleagueName}\u00a0?` });
    await expect(confirm).toBeVisible();
    await expectNoViolations(page, `a bulk assignment to confirm, ${width.name}`);
    await tabTo(page, confirm.getByRole("button", { name: "Oui, attribuer" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "attribuée" })).toHaveText(
      `1 demande attribuée à ${colleagueName}.`,
    );
    await expect(row).toContainText(colleagueName, { timeout: 15_000 });

    // The request, opened from its link.
    await tabTo(page, row.getByRole("link", { name: sent.reference }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: `Demande ${sent.reference}` })).toBeVisible();
    await expect(page.getByTestId("request-assignee")).toHaveText(colleagueName, { timeout: 15_000 });
    await expectNoViolations(page, `a request, ${width.name}`);
    await expectNoSidewaysScroll(page, "a request");

    await tabTo(page, page.getByRole("button", { name: "Suivre" }));
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("request-assignee")).toHaveText("Vous");

    // Handed to a colleague chosen by name, not by an account's id.
    await chooseByTyping(page, page.getByLabel("Transférer à un collègue"), colleagueName);
    await tabTo(page, page.getByRole("button", { name: "Transférer", exact: true }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "transférée" })).toHaveText(
      `La demande est transférée à ${colleagueName}.`,
    );
    await expect(page.getByTestId("request-assignee")).toHaveText(colleagueName);

    // The citizen's message, its PDF opened from it; then the agent's answer.
    const messages = page.getByRole("region", { name: "Messages" });
    const theirs = messages.getByRole("listitem").filter({ hasText: question });
    await expect(theirs).toContainText("du demandeur");
    const joined = theirs.getByRole("link", { name: /^Ouvrir Document joint à un message \(document \d+\)/ });
    const served = await page.request.get((await joined.getAttribute("href")) ?? "");
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("application/pdf");

    const words = `Bonjour, votre dossier est en cours ${suffix}.`;
    await tabTo(page, page.getByLabel("Votre message au demandeur"));
    await page.keyboard.type(words);
    await tabTo(page, page.getByRole("button", { name: "Envoyer le message" }));
    await page.keyboard.press("Enter");
    await expect(messages.getByRole("listitem").filter({ hasText: words })).toContainText("du service");

    // A named document: asking without ticking one is refused in the page.
    const ask = page.getByRole("button", { name: "Envoyer la demande" });
    await tabTo(page, ask);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Cochez" })).toHaveText(
      "Cochez au moins un document à demander.",
    );
    await expectNoViolations(page, `asking for documents, refused, ${width.name}`);
    await tabTo(page, page.getByRole("checkbox", { name: "Votre RIB ou RIP" }));
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "Votre RIB ou RIP" })).toBeChecked();
    await tabTo(page, ask);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("request-status")).toHaveText("En attente du demandeur");
    await expect(page.getByRole("region", { name: "Ce qui a été demandé à la personne" })).toContainText(
      "Votre RIB ou RIP",
    );
    await expectNoViolations(page, `a request waiting for the citizen, ${width.name}`);

    // The supervisor reads the audit trail, and downloads it.
    const context = await browser.newContext({ baseURL, viewport: width.viewport });
    try {
      const boss = await context.newPage();
      await staffSignIn(boss, supervisor);
      await boss.goto(`/agents/demandes/${sent.id}`);
      await expect(boss.getByRole("heading", { level: 1, name: `Demande ${sent.reference}` })).toBeVisible();
      await tabTo(boss, boss.getByRole("button", { name: "Afficher le journal" }), 250);
      await boss.keyboard.press("Enter");
      const trail = boss.getByRole("region", { name: "Journal des accès et des actions" });
      for (const action of ["Lecture", "Attribution en lot", "Suivi", "Transfert", "Message"])
        await expect(trail.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
      await expect(trail.getByRole("cell", { name: agentName }).first()).toBeVisible();
      await expectNoViolations(boss, `the audit trail, ${width.name}`);
      await expectNoSidewaysScroll(boss, "the audit trail");
      const csv = trail.getByRole("link", { name: "Télécharger le journal en CSV" });
      const file = await boss.request.get((await csv.getAttribute("href")) ?? "");
      expect(file.headers()["content-disposition"]).toContain(`${sent.reference}-audit.csv`);
      expect(await file.text()).toContain(";transfer;");
    } finally {
      await context.close();
    }
  });
}
