/**
 * Staff in the browser tests: an account made with `npm run staff -- add` on the test server's
 * DATA_DIR (playwright.config.ts), as the province makes them, and a page signed in through the
 * API (password, then a TOTP code computed as an authenticator app would): the browser context
 * then holds the staff cookie. The sign-in pages themselves are tested on their own.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { currentTotpCode } from "../../../src/server/staff/totp";
import type { StaffRole } from "../../../src/shared/staff-roles";

const DATA_DIR = "test-results/e2e-server-data";

export interface E2eStaffAccount {
  readonly email: string;
  readonly password: string;
  totpSecret?: string;
}

/** `name`: as agents see it; `dataDir`: a server of the test's own (its own DATA_DIR), else the shared test server's. */
export function createE2eStaffAccount(
  roles: readonly StaffRole[],
  procedures: readonly string[] = [],
  { name = "Agent de test", dataDir = DATA_DIR }: { name?: string; dataDir?: string } = {},
): E2eStaffAccount {
  const email = `staff-${randomUUID().slice(0, 8)}@province-sud.nc`;
  const password = `e2e ${randomUUID()}`;
  execFileSync(
    "npx",
    [
      "tsx",
      "src/tools/staff.ts",
      "add",
      "--email",
      email,
      "--name",
      name,
      "--roles",
      roles.join(","),
      ...(procedures.length > 0 ? ["--procedures", procedures.join(",")] : []),
    ],
    {
      // A server of the test's own runs on SQLite in its DATA_DIR (tests/support/server-process.ts).
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        ...(dataDir === DATA_DIR ? {} : { DATABASE_URL: "" }),
        STAFF_PASSWORD: password,
      },
      stdio: "pipe",
    },
  );
  return { email, password };
}

/** Signs the page's browser context in as `account` (setting TOTP up at its first sign-in). */
export async function staffSignIn(page: Page, account: E2eStaffAccount): Promise<void> {
  const passed = await page.request.post("/api/staff/sign-in", {
    data: { email: account.email, password: account.password },
  });
  expect(passed.status(), "staff password").toBe(200);
  const answer = (await passed.json()) as { next: string; otpauthUrl?: string };
  if (answer.otpauthUrl) account.totpSecret = new URL(answer.otpauthUrl).searchParams.get("secret") ?? "";
  const coded = await page.request.post("/api/staff/sign-in/totp", {
    data: { code: currentTotpCode(account.totpSecret ?? "") },
  });
  expect(coded.status(), "staff TOTP code").toBe(200);
}

/**
 * Signs in through the staff pages as a person does, with the keyboard: email and password, then
 * (first sign-in) the TOTP secret read from the page, as typed into an authenticator app, then
 * the code. Ends on the page the person's role lands on.
 */
export async function staffSignInThroughPage(page: Page, account: E2eStaffAccount): Promise<void> {
  await page.goto("/personnel/connexion");
  await page.getByLabel("Adresse e-mail professionnelle").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { level: 1, name: "Installer la double vérification" }),
  ).toBeVisible();
  account.totpSecret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  await page.getByLabel("Code à 6 chiffres").fill(currentTotpCode(account.totpSecret));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}
