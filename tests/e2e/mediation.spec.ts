/**
 * The mediators' board live, on the real server and build: a mediator enrols a PC as a post from
 * the staff pages, a person on that post presses "Demander de l'aide", the call shows on another
 * mediator's board within 2 seconds, "J'arrive" shows on the post, "Terminé" clears the call,
 * and the post is removed from the board.
 */
import { randomUUID } from "node:crypto";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { createE2eStaffAccount, staffSignIn, staffSignInThroughPage } from "./support/staff-sign-in";

// Each staff account is made by `npm run staff` (a process of its own), and sign-ins go both ways.
test.setTimeout(180_000);

// The staff pages ask the server who is signed in; signed out (or with a wrong password or
// code) the answer is a 401 or 400 by design, which Chromium logs as a failed resource.
test.afterEach(({ problems }) => {
  const expected = /Failed to load resource: the server responded with a status of 40[01] /;
  problems.splice(0, problems.length, ...problems.filter((problem) => !expected.test(problem)));
});

const FLOW = "aide-medicale";

test("a help call reaches the board within 2 seconds; 'J'arrive' shows on the post; 'Terminé' clears it", async ({
  page,
  browser,
}) => {
  const postName = `Poste ${randomUUID().slice(0, 6)}`;
  await staffSignInThroughPage(page, createE2eStaffAccount(["mediator"]));
  await expect(page.getByRole("heading", { level: 1, name: "Tableau des appels" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "En direct" })).toBeVisible();

  const postContext = await browser.newContext();
  try {
    const post = await postContext.newPage();
    // A mediator on the PC makes it a post, then signs out before leaving it to the public.
    await staffSignIn(post, createE2eStaffAccount(["mediator"]));
    await post.goto("/mediation");
    await post.getByLabel("Nom du poste").fill(postName);
    await post.getByRole("button", { name: "Enregistrer ce navigateur comme poste" }).click();
    await expect(post.getByText(`Ce navigateur est le poste ${postName}.`)).toBeVisible();
    await post.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(post.getByRole("heading", { level: 1, name: "Connexion du personnel" })).toBeVisible();

    const board = page.getByRole("row").filter({ hasText: postName });
    await expect(board).toContainText("Libre");

    const wizard = new WizardPage(post, FLOW);
    await wizard.start();
    await expect(post.getByRole("region", { name: "Poste de l'espace numérique" })).toContainText(postName);
    await expect(board).toContainText("Depuis");

    const call = page.getByRole("listitem", { name: postName });
    const clicked = Date.now();
    await post.getByRole("button", { name: "Demander de l'aide" }).click();
    await expect(call).toBeVisible({ timeout: 5000 });
    const shownAfter = Date.now() - clicked;
    test.info().annotations.push({ type: "help call on the board after", description: `${shownAfter} ms` });
    expect(shownAfter, `the call showed ${shownAfter} ms after the click`).toBeLessThan(2000);
    await expect(call).toContainText(wizard.texts.flowText(wizard.flow.title));
    await expect(call).toContainText("En attente d'un médiateur");
    await expectNoViolations(page, "the board with a help call");

    const take = call.getByRole("button", { name: "J'arrive" });
    await take.focus();
    await page.keyboard.press("Enter");
    await expect(call).toContainText("Un médiateur y va");
    await expect(post.getByRole("status").filter({ hasText: "Un médiateur arrive." })).toBeVisible();

    await call.getByRole("button", { name: "Terminé" }).click();
    await expect(call).toHaveCount(0);
    await expect(post.getByRole("button", { name: "Demander de l'aide" })).toBeVisible();

    await page.getByRole("button", { name: `Retirer le poste ${postName}` }).click();
    await page.getByRole("button", { name: `Oui, retirer ${postName}` }).click();
    await expect(board).toHaveCount(0);
  } finally {
    await postContext.close();
  }
});
