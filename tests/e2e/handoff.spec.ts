/**
 * "Continuer sur un autre appareil" without an account, with two browser contexts: a post (a
 * desktop) hands a draft with its documents to a phone by the QR code's link and by the typed
 * code. The package the server keeps holds neither an answer nor a document's bytes; a second
 * import, a wrong code (ten times, then refused) and an expired package each get their message.
 */
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import fr from "../../locales/fr/handoff.json" with { type: "json" };
import { codeOf } from "../../src/app/handoff/handoff-code";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { walkExample } from "./support/example-walk";
import { expect, test } from "./support/fixtures";
import { exampleOf } from "./support/flows";
import { exactly } from "./support/texts";

test.describe.configure({ mode: "serial" });

const FLOW = "bourse-scolaire";
const SERVER_DB = resolve("test-results/e2e-server-data/pas-a-pas.sqlite");
const { example } = exampleOf(FLOW, "eligible-one-child");

function serverDb<T>(use: (db: Database.Database) => T): T {
  const db = new Database(SERVER_DB);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const storedPackage = (locator: string) =>
  serverDb(
    (db) =>
      db
        .prepare("SELECT ciphertext, expires_at FROM handoff_packages WHERE locator_hash = ?")
        .get(createHash("sha256").update(locator).digest("hex")) as { ciphertext: Buffer | null } | undefined,
  );

async function phoneOf(browser: Browser): Promise<Page> {
  const phone = await browser.newContext({
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: "fr-FR",
  });
  return phone.newPage();
}

/** From the catalogue's list of drafts: the page that makes the code, then the code. */
async function makeCode(post: Page): Promise<{ link: string; locator: string; secret: string }> {
  await post.goto("/");
  await post.getByRole("link", { name: "Continuer sur un autre appareil" }).first().click();
  await expect(post.getByRole("heading", { level: 1, name: exactly(fr.send.title) })).toBeVisible();
  await post.getByRole("button", { name: exactly(fr.send.make) }).click();
  await expect(post.getByRole("heading", { name: exactly(fr.send.madeHeading) })).toBeVisible();
  const link =
    (await post.getByRole("img", { name: exactly(fr.send.qrAlt) }).getAttribute("data-link")) ?? "";
  const locator = ((await post.locator("[data-part=locator]").textContent()) ?? "").replace(/\s/g, "");
  const secret = ((await post.locator("[data-part=secret]").textContent()) ?? "").replace(/\s/g, "");
  return { link, locator, secret };
}

async function typeCode(phone: Page, code: string): Promise<void> {
  await phone.goto("/reprendre");
  await phone.getByLabel(exactly(fr.receive.codeLabel)).fill(code);
  await phone.getByRole("button", { name: exactly(fr.receive.open) }).click();
}

test("a draft with its documents goes to a phone by the QR code's link, once", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "two devices in one test: the desktop is the post");
  test.slow();
  const wizard = new WizardPage(page, FLOW);
  await page.goto(`/${FLOW}`);
  await wizard.start();
  await walkExample(wizard, example, { until: "review" });

  const { link, locator } = await makeCode(page);
  expect(link).toMatch(new RegExp(`/reprendre#${locator}\\.[A-Z2-9]{16}$`));
  await expectNoViolations(page, "the hand-off code");

  // What the server holds cannot be read: no answer, no document's bytes.
  const stored = storedPackage(locator)?.ciphertext;
  expect(stored?.byteLength).toBeGreaterThan(1000);
  const held = Buffer.from(stored ?? []);
  for (const answer of ["Léa", "Martin", String(example.answers.applicantLastName ?? "Martin")])
    expect(held.includes(Buffer.from(answer)), `the answer ${answer} in the package`).toBe(false);
  expect(held.includes(Buffer.from("%PDF")), "a PDF's bytes in the package").toBe(false);
  expect(held.includes(Buffer.from([0xff, 0xd8, 0xff])), "a JPEG's bytes in the package").toBe(false);

  const phone = await phoneOf(browser);
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: exactly(fr.receive.openedHeading) })).toBeVisible();
  // The code does not stay in the address.
  expect(new URL(phone.url()).hash).toBe("");
  const documents = phone.getByRole("definition").filter({ has: phone.getByRole("listitem") });
  await expect(documents.getByRole("listitem").first()).toBeVisible();
  await expectNoViolations(phone, "the draft received");
  expect(storedPackage(locator)?.ciphertext ?? null, "the package's bytes once imported").toBeNull();

  await phone.getByRole("link", { name: exactly(fr.receive.continue) }).click();
  await expect(phone).toHaveURL(new RegExp(`/${FLOW}/[0-9a-f-]{36}/review$`));
  const phoneWizard = new WizardPage(phone, FLOW);
  await phoneWizard.expectStep("review");
  await expect(phone.getByText(String(example.answers.applicantFirstName), { exact: true })).toBeVisible();

  // The same link a second time: already used.
  await phone.goto(link);
  await expect(phone.getByRole("alert")).toContainText(fr.receive.problems.handoff_used.slice(0, 30));
  await phone.context().close();
});

test("the typed code works too; an expired one and wrong ones get their messages", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "two devices in one test: the desktop is the post");
  test.slow();
  const wizard = new WizardPage(page, FLOW);
  await page.goto(`/${FLOW}`);
  await wizard.start();
  await wizard.fillStep({ applicantFirstName: "Noé", applicantLastName: "Wamytan" });
  await wizard.continue();
  await wizard.expectStep("contact");

  const phone = await phoneOf(browser);
  const typed = await makeCode(page);
  await typeCode(
    phone,
    `${typed.locator.slice(0, 5)} ${typed.locator.slice(5)} ${typed.secret.toLowerCase()}`,
  );
  await expect(phone.getByRole("heading", { name: exactly(fr.receive.openedHeading) })).toBeVisible();
  await expect(phone.getByText("Noé")).toBeVisible();
  await phone.getByRole("link", { name: exactly(fr.receive.continue) }).click();
  await new WizardPage(phone, FLOW).expectStep("contact");

  // Expired: the package's time has passed.
  const late = await makeCode(page);
  serverDb((db) =>
    db
      .prepare("UPDATE handoff_packages SET expires_at = ? WHERE locator_hash = ?")
      .run(
        new Date(Date.now() - 1000).toISOString(),
        createHash("sha256").update(late.locator).digest("hex"),
      ),
  );
  await typeCode(phone, late.locator + late.secret);
  await expect(phone.getByRole("alert")).toContainText(fr.receive.problems.handoff_expired.slice(0, 30));

  // A typing mistake is caught on the phone, before the one try is spent.
  const mistyped = late.secret.endsWith("Z") ? "Y" : "Z";
  await typeCode(phone, `${late.locator}${late.secret.slice(0, -1)}${mistyped}`);
  await expect(phone.getByRole("alert")).toContainText(fr.receive.problems.format.slice(0, 30));
  await expectNoViolations(phone, "a code refused");

  // Ten well-formed codes that match no package, then every try is refused for an hour.
  try {
    for (let i = 0; i < 10; i++) {
      const wrong = codeOf(`${"23456789AB".slice(i)}${"CDEFGHJKMN".slice(0, i)}`, "PQRSTUVWXYZ2345");
      await typeCode(phone, wrong.locator + wrong.secret);
      await expect(phone.getByRole("alert")).toContainText(
        fr.receive.problems.handoff_not_found.slice(0, 30),
      );
    }
    const right = await makeCode(page);
    await typeCode(phone, right.locator + right.secret);
    await expect(phone.getByRole("alert")).toContainText(fr.receive.problems.too_many_attempts.slice(0, 30));
  } finally {
    // Every browser of the run is 127.0.0.1: the next runs must not inherit this hour.
    serverDb((db) => db.prepare("DELETE FROM handoff_misses").run());
  }
  await phone.context().close();
});
