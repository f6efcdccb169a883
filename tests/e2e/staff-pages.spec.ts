/**
 * The staff pages in the browser, on the real server: the first sign-in sets TOTP up from the
 * page (QR code and key as text), wrong answers get plain words, an administrator ends a
 * mediator's sessions and the mediator's open board goes to the sign-in. axe on every page.
 */
import { currentTotpCode } from "../../src/server/staff/totp";
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

test("a mediator's first sign-in sets TOTP up from a QR code or its key, then lands on the board", async ({
  page,
}) => {
  const account = createE2eStaffAccount(["mediator"]);
  await page.goto("/mediation");
  // Signed out, the board leads to the sign-in, and back to the board after it.
  await expect(page.getByRole("heading", { level: 1, name: "Connexion du personnel" })).toBeVisible();
  await expectNoViolations(page, "the staff sign-in");
  await page.getByLabel("Adresse e-mail professionnelle").fill(account.email);
  await page.getByLabel("Mot de passe").fill("not the password");
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "L'adresse ou le mot de passe ne va pas. Vérifiez-les et réessayez.",
  );
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Installer la double vérification" }),
  ).toBeVisible();
  await expect(
    page.getByRole("img", { name: "Code à scanner avec votre application d'authentification" }),
  ).toBeVisible();
  await expectNoViolations(page, "the TOTP set-up");
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const wrong = currentTotpCode(secret) === "000000" ? "111111" : "000000";
  await page.getByLabel("Code à 6 chiffres").fill(wrong);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("Ce code ne va pas");
  await page.getByLabel("Code à 6 chiffres").fill(currentTotpCode(secret));
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page).toHaveURL(/\/mediation$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau des appels" })).toBeVisible();
  await expect(page.getByText("Agent de test (médiateur)")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "En direct" })).toBeVisible();
  await expectNoViolations(page, "the mediators' board");

  await page.getByRole("link", { name: "Statistiques" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistiques des démarches" })).toBeVisible();
  await expect(
    page.getByRole("table").or(page.getByText("Pas encore de chiffres", { exact: false })),
  ).toBeVisible();
  await expectNoViolations(page, "the statistics");

  // Not an administrator: the accounts page says so instead of showing them.
  await page.goto("/personnel/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Page réservée" })).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion du personnel" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Vous êtes déconnecté.");
  expect((await page.request.get("/api/staff/session")).status()).toBe(401);
});

test("an administrator ends a mediator's sessions: the mediator's board goes to the sign-in", async ({
  page,
  browser,
}) => {
  const mediator = createE2eStaffAccount(["mediator"]);
  const administrator = createE2eStaffAccount(["administrator"]);
  await staffSignIn(page, mediator);
  await page.goto("/mediation");
  await expect(page.getByRole("status").filter({ hasText: "En direct" })).toBeVisible();

  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await staffSignInThroughPage(admin, administrator);
    await expect(admin).toHaveURL(/\/personnel\/admin$/);
    await expect(admin.getByRole("heading", { level: 1, name: "Comptes du personnel" })).toBeVisible();
    const row = admin.getByRole("row").filter({ hasText: mediator.email });
    await expect(row).toContainText("médiateur");
    await expect(row).toContainText("1 session ouverte");
    await expectNoViolations(admin, "the staff accounts");
    // By keyboard: the button is reached and pressed like any other.
    const end = admin.getByRole("button", {
      name: `Terminer les sessions de Agent de test (${mediator.email})`,
    });
    await end.focus();
    await admin.keyboard.press("Enter");
    await expect(admin.getByRole("status")).toHaveText(
      "Les sessions de Agent de test sont terminées : il faudra se connecter à nouveau.",
    );
    await expect(row).toContainText("0 session ouverte");
  } finally {
    await adminContext.close();
  }

  // The open stream stops within seconds of the session's end; the page then asks to sign in.
  await expect(page.getByRole("heading", { level: 1, name: "Connexion du personnel" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByRole("status")).toContainText("Votre session a pris fin");
});
