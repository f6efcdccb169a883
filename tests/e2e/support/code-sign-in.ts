/**
 * Signing in with a code, as a person does: the code is read from the message the test server
 * wrote in its DATA_DIR/outbox/ (playwright.config.ts), since no mail leaves this machine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, type Page } from "@playwright/test";
import { expectNoViolations } from "./axe";

const OUTBOX = resolve("test-results/e2e-server-data/outbox");

/** The code of the newest message to `address`, once the server's queue has sent it. */
export async function codeSentTo(address: string, after: number): Promise<string> {
  let code = "";
  await expect
    .poll(
      () => {
        if (!existsSync(OUTBOX)) return "";
        const messages = readdirSync(OUTBOX)
          .filter((name) => name.endsWith(".json"))
          .map((name) => JSON.parse(readFileSync(join(OUTBOX, name), "utf8")) as { to: string; text: string })
          .filter((message) => message.to === address);
        code = messages.length > after ? (/\b(\d{6})\b/.exec(messages.at(-1)?.text ?? "")?.[1] ?? "") : "";
        return code;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

/** From the sign-in page already open: the address, the code it received, and "Mon espace". */
export async function signInHere(page: Page, address: string, messagesBefore: number, checkA11y = false) {
  await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  if (checkA11y) await expectNoViolations(page, "sign-in page");
  await page.getByLabel("Votre adresse e-mail ou votre numéro de portable").fill(address);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await expect(page.getByText(`Nous avons envoyé un code à ${address}.`, { exact: false })).toBeVisible();
  const code = await codeSentTo(address, messagesBefore);
  const codeBox = page.getByLabel("Le code à 6 chiffres");
  if (checkA11y) {
    await codeBox.fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Me connecter" }).click();
    await expect(page.getByRole("alert")).toHaveText("Ce code n'est pas le bon. Il vous reste 4 essais.");
    await expectNoViolations(page, "code step with an error");
  }
  await codeBox.fill(code);
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
}

/** From the first page: the header's "Se connecter", then signing in. */
export async function signIn(page: Page, address: string, messagesBefore: number, checkA11y = false) {
  await page.goto("/");
  await page.getByRole("link", { name: "Se connecter" }).click();
  await signInHere(page, address, messagesBefore, checkA11y);
}
