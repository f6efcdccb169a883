/**
 * One post of the connected space, as one persistent browser profile (what a public PC keeps
 * between people): a person signs in, answers half a procedure with a document, and leaves by
 * "J'ai fini", by staying idle, or by closing the browser. Each time the test lists everything
 * the browser stores for the site — every IndexedDB database and store, Cache Storage, both
 * storages, cookies — and finds nothing of that person; the next person sees nothing either.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, test as base, chromium, expect, type Page } from "@playwright/test";
import handoff from "../../locales/fr/handoff.json" with { type: "json" };
import config from "../../playwright.config";
import { enrolPostInDatabase, postCookies } from "../support/posts";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { WizardPage } from "./pages/wizard-page";
import { expectNoViolations } from "./support/axe";
import { walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";
import { exactly } from "./support/texts";

const FLOW = "aide-medicale";
const { example } = exampleOf(FLOW, "eligible-single");
/** Half the procedure: past the identity document, before the proof of residence. */
const HALF_WAY = "documents-residence";
const ADDRESS = "personne.poste@exemple.nc";
/** What would give the first person away: their name, contact, document's name, sign-in address. */
const THEIR_DATA = ["Wayaridri", "Jeanne", "contact@exemple.nc", "98.45.12", "carte-identite", ADDRESS];
const ONE_POST = "a post is a PC: the phone run adds nothing";

interface Post {
  server: ServerProcess;
  dataDir: string;
  profile: string;
  token: string;
}

async function startPost(idleSeconds: number): Promise<Post> {
  const dataDir = mkdtempSync(join(tmpdir(), "pap-post-data-"));
  const server = await startServerProcess(dataDir, {
    POST_IDLE_SECONDS: String(idleSeconds),
    SIGN_IN_CODES_PER_CLIENT_PER_HOUR: "1000",
  });
  const { token } = enrolPostInDatabase(dataDir, "Poste 7");
  return { server, dataDir, token, profile: mkdtempSync(join(tmpdir(), "pap-post-profile-")) };
}

/** Each test's post: its own server (POST_IDLE_SECONDS = `idleSeconds`), stopped after the test. */
const test = base.extend<{ idleSeconds: number; post: Post }>({
  idleSeconds: [600, { option: true }],
  post: async ({ idleSeconds }, use) => {
    const post = await startPost(idleSeconds);
    await use(post);
    await stopPost(post);
  },
});

// Each test starts its own server and a browser on disk before walking a procedure: 90 s, as
// a slow test (test.slow's callback form left these at the default 30 s; seen at 32 s).
test.describe.configure({ mode: "serial", timeout: 90_000 });
test.skip(({ isMobile }) => isMobile, ONE_POST);

async function stopPost(post: Post): Promise<void> {
  await post.server.stop();
  rmSync(post.dataDir, { recursive: true, force: true });
  rmSync(post.profile, { recursive: true, force: true });
}

/** The same browser, flags and language as every other test, on a profile kept on disk. */
async function openBrowser(post: Post, enrol = false): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(post.profile, {
    ...config.use?.launchOptions,
    baseURL: post.server.url,
    locale: "fr-FR",
    viewport: { width: 1280, height: 800 },
  });
  if (enrol) await context.addCookies(postCookies(post.server.url, post.token));
  return context;
}

async function codeSentTo(dataDir: string, address: string): Promise<string> {
  const outbox = join(dataDir, "outbox");
  let code = "";
  await expect
    .poll(
      () => {
        if (!existsSync(outbox)) return "";
        const texts = readdirSync(outbox)
          .filter((name) => name.endsWith(".json"))
          .map((name) => JSON.parse(readFileSync(join(outbox, name), "utf8")) as { to: string; text: string })
          .filter((message) => message.to === address);
        code = /\b(\d{6})\b/.exec(texts.at(-1)?.text ?? "")?.[1] ?? "";
        return code;
      },
      { timeout: 15_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

async function signIn(page: Page, post: Post): Promise<void> {
  await page.goto("/connexion");
  await page.getByLabel("Votre adresse e-mail ou votre numéro de portable").fill(ADDRESS);
  await page.getByRole("button", { name: "Recevoir un code" }).click();
  await page.getByLabel("Le code à 6 chiffres").fill(await codeSentTo(post.dataDir, ADDRESS));
  await page.getByRole("button", { name: "Me connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
}

/** Signs in, then answers the procedure up to half-way, its identity document included. */
async function halfAProcedure(page: Page, post: Post): Promise<string> {
  await signIn(page, post);
  const wizard = new WizardPage(page, FLOW);
  await wizard.start();
  await walkExample(wizard, example, { until: HALF_WAY });
  return /\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? "";
}

/**
 * Everything the browser keeps for the site, read from a page without the app (the app on a
 * post puts a memory IndexedDB in place of the browser's): databases with every store's records,
 * caches with every entry's address, both storages, and the cookies.
 */
async function everythingStored(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/health`);
  const inPage = await page.evaluate(async () => {
    const databases: Record<string, Record<string, unknown[]>> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        stores[store] = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
      databases[name] = stores;
    }
    const caches_: Record<string, string[]> = {};
    for (const name of await caches.keys())
      caches_[name] = (await (await caches.open(name)).keys()).map((request) => request.url);
    const entries = (storage: Storage) =>
      Object.fromEntries(
        Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? "").map((k) => [
          k,
          storage.getItem(k),
        ]),
      );
    return {
      databases,
      caches: caches_,
      localStorage: entries(localStorage),
      sessionStorage: entries(sessionStorage),
    };
  });
  await page.close();
  const cookies = (await context.cookies()).map(({ name, value, expires }) => ({ name, value, expires }));
  return { ...inPage, cookies };
}

async function expectNothingOf(context: BrowserContext, post: Post, draftId: string): Promise<void> {
  const stored = await everythingStored(context, post.server.url);
  const text = JSON.stringify(stored);
  for (const data of [...THEIR_DATA, draftId]) expect(text, `"${data}" is still stored`).not.toContain(data);
  // No database of the app at all: on a post it never reaches the disk.
  expect(Object.keys(stored.databases)).toEqual([]);
  // Caches hold the app's code only: the shell and the procedures' packs, the same for everyone.
  for (const name of Object.keys(stored.caches))
    expect(name).toMatch(/^(workbox-precache|pas-a-pas-procedure-packs)/);
  expect(stored.localStorage).toEqual({});
  expect(stored.sessionStorage).toEqual({});
  expect(stored.cookies.map((c) => c.name).sort()).toEqual(
    expect.arrayContaining(["__Host-pap_post", "pap_post"]),
  );
  expect(stored.cookies.map((c) => c.name)).not.toContain("__Host-pap_session");
}

/** The next person: the catalogue, the first person's addresses, and Back show nothing of them. */
async function expectNextPersonSeesNothing(page: Page, draftId: string): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`/${FLOW}/${draftId}`);
  await page.waitForLoadState("networkidle");
  await page.goto("/mes-demarches");
  await page.waitForLoadState("networkidle");
  for (const visited of [`/${FLOW}/${draftId}`, "/mes-demarches", "/compte"]) {
    await page.goto(visited);
    await page.waitForLoadState("networkidle");
    const body = (await page.locator("body").textContent()) ?? "";
    for (const data of THEIR_DATA) expect(body, `${visited} shows "${data}"`).not.toContain(data);
  }
}

test("J'ai fini leaves nothing of the person, checked before saying so; Back shows nothing of them", async ({
  post,
}) => {
  const context = await openBrowser(post, true);
  const page = context.pages()[0] ?? (await context.newPage());
  const draftId = await halfAProcedure(page, post);
  expect(draftId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("region", { name: "Poste de l'espace numérique" })).toContainText("Poste 7");
  // Every page of the procedure offers to go on at home, in the post's words.
  await expect(page.getByRole("link", { name: "Continuer sur mon téléphone" })).toHaveAttribute(
    "href",
    `/continuer/${draftId}`,
  );
  await expectNoViolations(page, "a procedure's page on a post");
  // The session cookie lasts for the browser's session only: no "stay signed in" on a post.
  const session = (await context.cookies()).find((c) => c.name === "__Host-pap_session");
  expect(session?.expires).toBe(-1);

  await page.getByRole("button", { name: "J'ai fini" }).click();
  await expect(page).toHaveURL(/\/fini$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il ne reste rien de vous sur ce poste");
  await expectNoViolations(page, "the end of a session on a post");
  await expectNothingOf(context, post, draftId);
  // The server session ended too: the old cookie, were it kept, opens nothing.
  expect(
    (
      await post.server.request("/api/account", {
        headers: { Cookie: `__Host-pap_session=${session?.value}` },
      })
    ).status,
  ).toBe(401);

  await page.goBack();
  await page.waitForLoadState("networkidle");
  for (const data of THEIR_DATA) expect((await page.locator("body").textContent()) ?? "").not.toContain(data);
  await expectNextPersonSeesNothing(page, draftId);
  await context.close();
});

test.describe("with a short idle time", () => {
  test.use({ idleSeconds: 12 });

  test("idle: a warning a key dismisses, then the session ends by itself and nothing is left", async ({
    post,
  }) => {
    const context = await openBrowser(post, true);
    const page = context.pages()[0] ?? (await context.newPage());
    const wizard = new WizardPage(page, FLOW);
    await wizard.start();
    await walkExample(wizard, example, { until: "contact" });
    const draftId = /\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? "";
    const warning = page.getByRole("alertdialog", { name: /Vous êtes encore là/ });
    await expect(warning).toBeVisible({ timeout: 15_000 });
    await expectNoViolations(page, "the idle warning on a post");
    await page.keyboard.press("Shift");
    await expect(warning).toBeHidden();
    await expect(page).toHaveURL(/\/fini$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il ne reste rien de vous sur ce poste");
    await expectNothingOf(context, post, draftId);
    await context.close();
  });
});

test("a browser closed mid-session and reopened starts clean, and the next person sees nothing", async ({
  post,
}) => {
  const first = await openBrowser(post, true);
  const page = first.pages()[0] ?? (await first.newPage());
  const draftId = await halfAProcedure(page, post);
  await first.close();

  const again = await openBrowser(post);
  const next = again.pages()[0] ?? (await again.newPage());
  await next.goto("/");
  await expect(next.getByRole("region", { name: "Poste de l'espace numérique" })).toContainText("Poste 7");
  await next.waitForLoadState("networkidle");
  await expectNothingOf(again, post, draftId);
  await expectNextPersonSeesNothing(next, draftId);
  await again.close();
});

test("a draft started on a phone comes to the post by its code, documents included, and leaves nothing there", async ({
  post,
  browser,
}) => {
  // At home, on the phone, without an account: half the procedure, the identity card included.
  const phoneContext = await browser.newContext({
    ...config.use,
    baseURL: post.server.url,
    viewport: { width: 360, height: 640 },
    isMobile: true,
    hasTouch: true,
    locale: "fr-FR",
  });
  const phone = await phoneContext.newPage();
  const phoneWizard = new WizardPage(phone, FLOW);
  await phoneWizard.start();
  await walkExample(phoneWizard, example, { until: HALF_WAY });
  await phone.goto("/");
  await phone.getByRole("link", { name: "Continuer sur un autre appareil" }).first().click();
  await phone.getByRole("button", { name: exactly(handoff.send.make) }).click();
  await expect(phone.getByRole("heading", { name: exactly(handoff.send.madeHeading) })).toBeVisible();
  const part = async (name: string) =>
    ((await phone.locator(`[data-part=${name}]`).textContent()) ?? "").replace(/\s/g, "");
  const code = `${await part("locator")} ${await part("secret")}`;

  // At the connected space: the code typed on the post, the draft goes on where it stopped.
  const context = await openBrowser(post, true);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto("/reprendre");
  await page.getByLabel(exactly(handoff.receive.codeLabel)).fill(code);
  await page.getByRole("button", { name: exactly(handoff.receive.open) }).click();
  await expect(page.getByRole("heading", { name: "Votre demande est sur ce poste" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "carte-identite" })).toHaveCount(1);
  await expectNoViolations(page, "a draft received on a post");
  await page.getByRole("link", { name: exactly(handoff.receive.continue) }).click();
  const wizard = new WizardPage(page, FLOW);
  await wizard.expectStep(HALF_WAY);
  const draftId = wizard.draftId();

  await page.getByRole("button", { name: "J'ai fini" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Il ne reste rien de vous sur ce poste");
  await expectNothingOf(context, post, draftId);
  await context.close();
  await phoneContext.close();
});

test("a help call reaches the server at once and names no person, answer or document", async ({ post }) => {
  const context = await openBrowser(post, true);
  const page = context.pages()[0] ?? (await context.newPage());
  const wizard = new WizardPage(page, FLOW);
  await wizard.start();
  await walkExample(wizard, example, { until: "contact" });
  await page.getByRole("button", { name: "Demander de l'aide" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Un médiateur est prévenu" })).toBeVisible();
  await expectNoViolations(page, "a help call on a post");
  // Stored with the post's name, the procedure and the step only (the board reads these rows).
  const Database = (await import("better-sqlite3")).default;
  const db = new Database(join(post.dataDir, "pas-a-pas.sqlite"), { readonly: true });
  const calls = db.prepare("SELECT * FROM help_calls").all();
  db.close();
  expect(calls).toEqual([expect.objectContaining({ flow_id: FLOW, step_id: "contact", status: "waiting" })]);
  for (const data of THEIR_DATA) expect(JSON.stringify(calls)).not.toContain(data);
  await context.close();
});
