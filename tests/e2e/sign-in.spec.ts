/**
 * Signing in with a code, as a person does (support/code-sign-in.ts reads the code from the test
 * server's outbox). Two browser contexts are two devices: signing out everywhere on one signs
 * the other out.
 */
import { randomUUID } from "node:crypto";
import { expectNoViolations } from "./support/axe";
import { signIn } from "./support/code-sign-in";
import { expect, test } from "./support/network-failure-fixtures";

/** The account page of a device signed out elsewhere asks the server, which answers 401. */
test.use({
  expectedConsoleErrors: [
    "Failed to load resource: the server responded with a status of 401",
    "Failed to load resource: the server responded with a status of 400",
  ],
});

test("signs in with a code, and is signed out by 'sign out everywhere' on another device", async ({
  page,
  browser,
}, testInfo) => {
  const address = `e2e-${randomUUID().slice(0, 8)}@example.nc`;
  await signIn(page, address, 0, true);
  await expect(page.getByText(`Vous vous connectez avec un code envoyé à ${address}.`)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Mon espace" })).toBeVisible();
  await expectNoViolations(page, "account page");

  // The header says so on every page.
  await page.goto("/aide");
  await expect(page.getByRole("banner").getByRole("link", { name: "Mon espace" })).toBeVisible();

  const phone = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    serviceWorkers: "block",
  });
  try {
    const other = await phone.newPage();
    await signIn(other, address, 1);
    await expect(other.getByRole("listitem")).toHaveCount(2);
    await other.getByRole("button", { name: "Me déconnecter partout" }).click();
    await expect(other.getByText("Vous êtes déconnecté.")).toBeVisible();
    await expect(other.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  } finally {
    await phone.close();
  }

  await page.goto("/compte");
  await expect(page.getByText("Vous n'êtes pas connecté.")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expectNoViolations(page, "account page, signed out");
});
