/**
 * A signed-in draft's documents, on two devices (two browser contexts, a computer and a phone,
 * signed in to the same account): the documents added on the computer go up from there in the
 * background; the phone shows them by name and thumbnail without fetching their bytes, and sends
 * the request without uploading any of them again. And the signed-in
 * "Continuer sur mon téléphone": its QR code's link opens the draft on the phone at the same
 * step once signed in there.
 */
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { codeSentTo, signIn } from "./support/code-sign-in";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";
import { exactly, textOf } from "./support/texts";
import { expect, NO_NETWORK, test } from "./support/two-devices";

const { example } = exampleOf("aide-medicale", "eligible-single");

test.use({ expectedConsoleErrors: [NO_NETWORK] });

interface AccountDraftSeen {
  readonly step?: string;
  readonly documents?: readonly {
    readonly fieldId: string;
    readonly name: string;
    readonly thumbnail?: string;
  }[];
}

/** The account's copy of the draft, once it holds `count` documents (pushes wait for the uploads). */
async function accountDraftWith(page: Page, draftId: string, count: number): Promise<AccountDraftSeen> {
  let seen: AccountDraftSeen = {};
  await expect
    .poll(
      async () => {
        const answer = await page.request.get(`/api/account/drafts/${draftId}`);
        seen = answer.ok() ? ((await answer.json()) as AccountDraftSeen) : {};
        return seen.documents?.length ?? 0;
      },
      { timeout: 60_000 },
    )
    .toBe(count);
  return seen;
}

/** Every document reference in the example's answers, at any depth. */
function documentCount(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + documentCount(item), 0);
  if (value && typeof value === "object")
    return "id" in value && "size" in value && "type" in value
      ? 1
      : Object.values(value).reduce((sum: number, item) => sum + documentCount(item), 0);
  return 0;
}

/** The uploads a page starts (tus creations), counted from the network, not from the app. */
function uploadsStartedBy(page: Page): { readonly count: () => number } {
  let started = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/uploads") started += 1;
  });
  return { count: () => started };
}

test("a draft's documents go to the other device with it, and the request is sent from there without a second upload", async ({
  page: phone,
  desktop,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "two devices in one test: the phone project is one of them");
  test.slow();
  const address = `e2e-documents-${randomUUID().slice(0, 8)}@example.nc`;
  const onDesktop = new WizardPage(desktop, "aide-medicale");
  const onPhone = new WizardPage(phone, "aide-medicale");
  const documents = documentCount(example.answers);
  expect(documents).toBeGreaterThan(0);

  // On the computer, the whole procedure up to the review, documents included.
  await signIn(desktop, address, 0);
  await onDesktop.start();
  await walkExample(onDesktop, example, { until: "review" });
  const draftId = onDesktop.draftId();
  const inAccount = await accountDraftWith(desktop, draftId, documents);
  // The applicant's identity document, which the page opened on the phone shows.
  const first = inAccount.documents?.find((doc) => doc.fieldId === "idApplicantFile");
  if (!first) throw new Error("no identity document in the account");

  // On the phone: signed in, the draft is there with its documents' names and pictures.
  const phoneUploads = uploadsStartedBy(phone);
  const fetchedBytes: string[] = [];
  phone.on("response", (response) => {
    if (/\/api\/account\/drafts\/[^/]+\/documents\//.test(response.url()) && response.ok())
      fetchedBytes.push(response.url());
  });
  await signIn(phone, address, 1);
  await expect(async () => {
    await phone.goto(`/aide-medicale/${draftId}/documents-identity`);
    await onPhone.expectStep("documents-identity");
  }).toPass({ timeout: 30_000 });
  await expect(phone.getByText(first.name, { exact: true }).first()).toBeVisible();
  await expectNoViolations(phone, "a document added on another device");

  // Sent from the phone: no document goes up again.
  await phone.goto(`/aide-medicale/${draftId}/review`);
  await onPhone.expectStep("review");
  await sendFromReview(onPhone);
  expect(new URL(phone.url()).pathname.split("/").pop()).toBe(draftId);
  // The server has it (the province's number shows): sent with the computer's uploads.
  await expect(onPhone.heading()).toHaveText(exactly(onPhone.texts.wizard("request.sentTitle")), {
    timeout: 60_000,
  });
  expect(phoneUploads.count()).toBe(0);
  // Nor did any come down: the phone showed them by name and picture, on prepaid data.
  expect(fetchedBytes).toEqual([]);
});

test("signed in, 'Continuer sur mon téléphone' shows a QR code whose link opens the draft on the phone at the same step after sign-in", async ({
  page: phone,
  desktop,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "two devices in one test: the phone project is one of them");
  test.slow();
  const address = `e2e-handoff-${randomUUID().slice(0, 8)}@example.nc`;
  const onDesktop = new WizardPage(desktop, "aide-medicale");
  const onPhone = new WizardPage(phone, "aide-medicale");

  await signIn(desktop, address, 0);
  await onDesktop.start();
  await walkExample(onDesktop, example, { until: "household" });
  const draftId = onDesktop.draftId();
  await desktop.goto(`/continuer/${draftId}`);
  await expect(
    desktop.getByRole("heading", {
      level: 2,
      name: exactly(textOf("fr", "account.readyHeading", "handoff")),
    }),
  ).toBeVisible({ timeout: 30_000 });
  const qr = desktop.getByRole("img", { name: exactly(textOf("fr", "account.qrAlt", "handoff")) });
  const link = new URL((await qr.getAttribute("data-link")) ?? "");
  expect(link.pathname).toBe("/connexion");
  await expectNoViolations(desktop, "the signed-in hand-off's QR code");

  // The phone scans it: the sign-in page, then the draft where the computer stopped.
  await phone.goto(`${link.pathname}${link.search}`);
  await expect(phone.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  await phone.getByLabel("Votre adresse e-mail ou votre numéro de portable").fill(address);
  await phone.getByRole("button", { name: "Recevoir un code" }).click();
  await phone.getByLabel("Le code à 6 chiffres").fill(await codeSentTo(address, 1));
  await phone.getByRole("button", { name: "Me connecter" }).click();
  await onPhone.expectStep("household");
  expect(new URL(phone.url()).pathname).toBe(`/aide-medicale/${draftId}/household`);
});

test("signing out with changes the account does not have yet says so, and the person chooses", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "one device is enough: the phone project");
  const address = `e2e-sign-out-${randomUUID().slice(0, 8)}@example.nc`;
  const wizard = new WizardPage(page, "aide-medicale");
  await signIn(page, address, 0);
  await wizard.start();
  await walkExample(wizard, example, { until: "commune" });
  const draftId = wizard.draftId();
  await expect
    .poll(async () => (await page.request.get(`/api/account/drafts/${draftId}`)).status(), {
      timeout: 30_000,
    })
    .toBe(200);

  // The account cannot be reached for drafts (as on a network that drops), and an answer changes.
  await page.route("**/api/account/drafts/**", (route) => route.abort("internetdisconnected"));
  await wizard.back();
  await wizard.expectStep("residence");
  await wizard.fillStep(example.answers);
  await wizard.continue();
  await wizard.expectStep("commune");
  const account = (key: string, values: Record<string, string | number> = {}) =>
    textOf("fr", `page.${key}`, "account", values);
  await page.goto("/compte");
  await page.getByRole("button", { name: exactly(account("signOut")) }).click();
  const warning = page.getByRole("alert");
  await expect(warning).toContainText(account("unsaved_one", { count: 1 }));
  await expect(warning).toContainText(account("unsavedLost"));
  await expectNoViolations(page, "signing out with changes not in the account");

  // Staying signed in keeps everything; once the account is reachable, signing out just works.
  await page.getByRole("button", { name: exactly(account("stay")) }).click();
  await expect(warning).toHaveCount(0);
  await page.unroute("**/api/account/drafts/**");
  await page.getByRole("button", { name: exactly(account("signOut")) }).click();
  await expect(page.getByText(exactly(account("signedOutDone")))).toBeVisible({ timeout: 30_000 });
});
