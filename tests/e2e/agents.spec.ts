/**
 * The agents' pages in the browser, on the real server: a school-grant request sent over the
 * API as the app sends it (its documents through tus first); an agent of the school grant finds
 * it in "À traiter" from an address with a filter, opens it, reads an answer and a document,
 * follows it, moves it to "en instruction" and accepts it with a reason, and the queues' counts
 * move. axe on both pages, at desktop and tablet widths; the actions are reached by keyboard.
 */
import type { Page } from "@playwright/test";
import { expectNoViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { sendSchoolGrant } from "./support/school-grant-request";
import { createE2eStaffAccount, staffSignIn } from "./support/staff-sign-in";

// The staff account is made by `npm run staff` (a process of its own).
test.setTimeout(120_000);

const TABLET = { width: 768, height: 1024 };

/** A queue's tab, with its count: "À traiter (3)". */
const tab = (page: Page, name: string) =>
  page
    .getByRole("navigation", { name: "Listes de demandes" })
    .getByRole("link", { name: new RegExp(`^${name} `) });

const countOf = async (page: Page, name: string): Promise<number> => {
  await expect(tab(page, name)).toHaveText(/\(\d+\)$/);
  return Number(/\((\d+)\)$/.exec((await tab(page, name).textContent()) ?? "")?.[1]);
};

test("an agent finds a new request from a filtered address, reads it, follows it and accepts it", async ({
  page,
  baseURL,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the back office is for PCs and tablets");
  const agent = createE2eStaffAccount(["agent"], ["bourse-scolaire"]);
  const sent = await sendSchoolGrant(baseURL ?? "");
  await staffSignIn(page, agent);

  // A shared address: the queue and its filter are in it, and the form reads them back.
  await page.goto(`/agents?queue=to_process&q=${encodeURIComponent(sent.reference)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Demandes à instruire" })).toBeVisible();
  await expect(page.getByLabel("Référence ou nom")).toHaveValue(sent.reference);
  await expect(tab(page, "À traiter")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("status").filter({ hasText: /demande/ })).toHaveText("1 demande");
  // The counts are the whole queue's, which other tests on this server add to: ours is in it.
  expect(await countOf(page, "À traiter")).toBeGreaterThanOrEqual(1);
  expect(await countOf(page, "Suivies par moi")).toBe(0);
  const row = page.getByRole("row").filter({ hasText: sent.reference });
  await expect(row).toContainText("Déposée");
  await expect(row).toContainText("Personne");
  await expect(page.getByRole("link", { name: "en CSV" })).toHaveAttribute(
    "href",
    new RegExp(`format=csv&q=${sent.reference}$`),
  );
  await expectNoViolations(page, "a queue");

  // Filtering from the form writes the address.
  await page.getByLabel("Statut", { exact: true }).selectOption("received");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/[?&]status=received(&|$)/);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${sent.reference}(&|$)`));
  await expect(row).toBeVisible();

  await row.getByRole("link", { name: sent.reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Demande ${sent.reference}` })).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText("Déposée");
  await expect(page.getByRole("heading", { level: 2, name: "Réponses du demandeur" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Valeurs calculées" })).toBeVisible();
  await expect(page.getByText(/quotient familial/i).first()).toBeVisible();
  const documents = page.getByRole("region", { name: "Documents" });
  const frame = documents.locator("iframe").first();
  await expect(frame).toHaveAttribute("sandbox", "");
  const documentPath = (await frame.getAttribute("src")) ?? "";
  const served = await page.request.get(documentPath);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  await expectNoViolations(page, "a request");

  // By keyboard: "Suivre" is reached and pressed like any other button.
  await page.getByRole("button", { name: "Suivre" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Vous suivez" })).toHaveText(
    "Vous suivez maintenant cette demande.",
  );
  await expect(page.getByText("Vous suivez cette demande.")).toBeVisible();

  await page.getByLabel("Passer en instruction", { exact: true }).check();
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await page.getByRole("button", { name: "Oui, confirmer" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("En instruction");

  await page.getByLabel("Accepter", { exact: true }).check();
  await page.getByLabel("Précisions pour le demandeur (facultatif)").fill("Dossier complet");
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect(page.getByRole("group", { name: /Accepter la demande/ })).toBeVisible();
  await page.getByRole("button", { name: "Oui, confirmer" }).click();
  await expect(page.getByTestId("request-status")).toHaveText("Acceptée");
  await expect(page.getByRole("region", { name: "Historique" })).toContainText(
    "Motif\u00a0: Dossier complet",
  );

  // A tablet held upright: the page fits, its table scrolls in its own region.
  await page.setViewportSize(TABLET);
  await expectNoViolations(page, "a request on a tablet");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "sideways scrolling on a tablet").toBeLessThanOrEqual(0);

  await page.getByRole("link", { name: "Retour à la liste des demandes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demandes à instruire" })).toBeVisible();
  // Decided: no longer in "À traiter", nor followed (the agent's own count, which no other test moves).
  expect(await countOf(page, "Suivies par moi")).toBe(0);
  await page.goto(`/agents?queue=to_process&q=${encodeURIComponent(sent.reference)}`);
  await expect(page.getByRole("row").filter({ hasText: sent.reference })).toHaveCount(0);
  await tab(page, "Traitées").click();
  await expect(page).toHaveURL(/[?&]queue=decided(&|$)/);
  await expect(tab(page, "Traitées")).toHaveAttribute("aria-current", "page");
  await page.getByLabel("Référence ou nom").fill(sent.reference);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("row").filter({ hasText: sent.reference })).toContainText("Acceptée");
  await expectNoViolations(page, "a queue on a tablet");
});
