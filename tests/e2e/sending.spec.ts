/**
 * A finished request reaches the province exactly once, whatever the network and the server do,
 * and the person always sees where it stands: made offline and sent when the network returns;
 * a 2 MB document cut in the middle and resumed from the server's offset, no confirmed byte sent
 * again; a server failing with 500 and then recovering. The server is asked directly at the end.
 */
import type { APIRequestContext, Route } from "@playwright/test";
import { errorBody } from "../../src/server/api/errors";
import type { Example } from "../../src/shared/engine/examples";
import { ReceiptPage } from "./pages/receipt-page";
import { WizardPage } from "./pages/wizard-page";
import { bypassServiceWorker } from "./support/bypass-service-worker";
import { sendFromReview, walkExample } from "./support/example-walk";
import { exampleOf } from "./support/flows";
import { addDocument, largePdf } from "./support/large-document";
import { expect, NO_NETWORK, SERVER_ERROR, test } from "./support/network-failure-fixtures";
import { confirmedRanges, TusTraffic } from "./support/tus-traffic";

const FLOW = "aide-medicale";
/** Sending runs the same on every screen, and each journey is a whole procedure: one device is enough. */
const ONE_DEVICE = "sending does not depend on the screen: the desktop run adds nothing";
const { example } = exampleOf(FLOW, "eligible-single");

/** The province's record of a request, asked of the API as an administration's tool would. */
async function serverRecord(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/submissions/${id}`);
  return { status: response.status(), body: response.ok() ? await response.json() : undefined };
}

test("a request finished offline leaves when the network returns, and is recorded once", async ({
  page,
  context,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", ONE_DEVICE);
  // A whole procedure with a photo shrunk on a 2-core machine under load.
  test.slow();
  const created: number[] = [];
  page.on("response", (response) => {
    if (response.request().method() === "PUT" && response.url().includes("/api/submissions/"))
      created.push(response.status());
  });
  let loads = 0;
  page.on("load", () => {
    loads += 1;
  });

  // One visit with network installs the service worker; everything after works without.
  const wizard = new WizardPage(page, FLOW);
  await wizard.openForOffline();
  await context.setOffline(true);
  await wizard.start();
  await walkExample(wizard, example);
  await sendFromReview(wizard);

  const receipt = new ReceiptPage(page, wizard.flow);
  const provisional = await receipt.expectReady("waitingNetwork");
  const id = receipt.requestId();
  expect((await serverRecord(request, id)).status, "nothing reached the server while offline").toBe(404);

  const loadsBefore = loads;
  await context.setOffline(false);
  const reference = await receipt.expectSent();
  expect(reference).not.toBe(provisional);
  expect(loads, "the receipt changed in place, without a reload").toBe(loadsBefore);

  expect(await serverRecord(request, id)).toEqual({
    status: 200,
    body: expect.objectContaining({ id, reference, status: "received" }),
  });
  expect(created, "created once on the server, never replayed").toEqual([201]);
});

test.describe("through a failing network or server", () => {
  // The sending runs in the page, and the service worker only passes /api requests on:
  // they skip it here, so Playwright can route them.
  test.beforeEach(({ page }) => bypassServiceWorker(page));

  test.describe("a 2 MB document cut in the middle", () => {
    test.use({ expectedConsoleErrors: [NO_NETWORK] });

    test("resumes from the server's offset, and no confirmed byte is sent twice", async ({
      page,
      context,
      request,
    }, testInfo) => {
      test.skip(testInfo.project.name !== "phone", ONE_DEVICE);
      // A whole procedure, then 2 MB stored on the device and sent.
      test.slow();
      const size = 2_000_000;
      const big = largePdf("bulletins-salaire-2026.pdf", size);
      const { resourcesProofFile: _replaced, ...answers } = example.answers;
      const withBigDocument: Example = { ...example, answers };
      const documents = 4;

      // The first chunk from the document's middle on is held, then lost with the network.
      let cut: (route: Route) => void = () => undefined;
      const held = new Promise<Route>((resolve) => {
        cut = resolve;
      });
      let cutDone = false;
      await page.route("**/api/uploads/**", async (route) => {
        const offset = Number(await route.request().headerValue("upload-offset"));
        if (!cutDone && route.request().method() === "PATCH" && offset >= size / 2) {
          cutDone = true;
          cut(route);
          return;
        }
        await route.continue();
      });
      const traffic = new TusTraffic(page);

      const wizard = new WizardPage(page, FLOW);
      await wizard.start();
      await walkExample(wizard, withBigDocument, {
        visit: async (step) => {
          if (step.type === "questions" && step.fields.some((field) => field.id === "resourcesProofFile"))
            await addDocument(wizard, "resourcesProofFile", big);
        },
      });
      await sendFromReview(wizard);
      const receipt = new ReceiptPage(page, wizard.flow);

      const route = await held;
      const uploadUrl = route.request().url();
      await expect(receipt.status()).toHaveText(receipt.sendingDocumentText(documents));
      await context.setOffline(true);
      await route.abort("internetdisconnected");
      await receipt.expectReady("waitingNetwork");

      await context.setOffline(false);
      const reference = await receipt.expectSent();

      const exchanges = await traffic.of(uploadUrl);
      const ranges = confirmedRanges(exchanges);
      const lost = exchanges.findIndex((exchange) => exchange.method === "PATCH" && !exchange.status);
      const resumed = exchanges.findIndex((exchange, index) => index > lost && exchange.method === "HEAD");
      expect(lost, "one PATCH was lost with the network").toBeGreaterThan(0);
      expect(resumed, "the resume asked the server where it stood").toBeGreaterThan(lost);
      const serverOffset = exchanges[resumed]?.serverOffset;
      const confirmedBefore = confirmedRanges(exchanges.slice(0, lost));
      expect(serverOffset, "the server kept what it had confirmed").toBe(confirmedBefore.at(-1)?.to);
      expect(serverOffset).toBeGreaterThan(0);
      expect(exchanges[resumed + 1], "the next chunk starts at the server's offset").toMatchObject({
        method: "PATCH",
        fromOffset: serverOffset,
      });

      // Contiguous, non-overlapping, from the first byte to the last: no byte twice, none missing.
      expect(ranges[0]?.from).toBe(0);
      for (const [index, range] of ranges.entries()) {
        expect(range.to).toBeGreaterThan(range.from);
        if (index > 0)
          expect(range.from, `range ${index} follows the one before`).toBe(ranges[index - 1]?.to);
      }
      expect(ranges.reduce((sum, range) => sum + (range.to - range.from), 0)).toBe(size);
      const sent = exchanges.filter((exchange) => exchange.method === "PATCH" && exchange.status === 204);
      for (const [index, exchange] of sent.entries())
        expect(exchange.bodyBytes, `PATCH ${index} carried what was confirmed`).toBe(
          (ranges[index]?.to ?? 0) - (ranges[index]?.from ?? 0),
        );

      // The server has the whole document once, and the request with it.
      const head = await request.head(uploadUrl, { headers: { "Tus-Resumable": "1.0.0" } });
      expect(head.headers()["upload-offset"]).toBe(String(size));
      expect(head.headers()["upload-length"]).toBe(String(size));
      expect(await serverRecord(request, receipt.requestId())).toEqual({
        status: 200,
        body: expect.objectContaining({ reference, status: "received" }),
      });
    });
  });

  test.describe("a server failing, then recovering", () => {
    test.use({ expectedConsoleErrors: [SERVER_ERROR] });

    test("the person sees it will be tried again, then the province's number", async ({
      page,
      context,
      request,
    }, testInfo) => {
      test.skip(testInfo.project.name !== "phone", ONE_DEVICE);
      // A whole procedure, then waits the app chooses itself before trying again.
      test.slow();
      // The server fails until the test has seen each state: a fixed count of failures let a
      // quick third try succeed before the page was looked at (seen in a full run).
      let failing = true;
      await page.route("**/api/submissions/*", (route) => {
        if (route.request().method() !== "PUT") return route.fallback();
        if (!failing) return route.continue();
        // What the server itself answers when something breaks inside it.
        return route.fulfill({
          status: 500,
          contentType: "application/json; charset=UTF-8",
          body: errorBody("internal_error"),
        });
      });
      const answered: number[] = [];
      page.on("response", (response) => {
        if (response.request().method() === "PUT" && response.url().includes("/api/submissions/"))
          answered.push(response.status());
      });

      const wizard = new WizardPage(page, FLOW);
      await wizard.start();
      await walkExample(wizard, example);
      await sendFromReview(wizard);
      const receipt = new ReceiptPage(page, wizard.flow);

      // Not silently "sending": the person reads that it will be tried again on its own.
      await receipt.expectReady("willRetry");
      // The app tries again by itself after a short, growing wait…
      await expect.poll(() => answered.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
      await receipt.expectReady("willRetry");
      // …and when the network comes back (which also starts its waits over from the shortest).
      await context.setOffline(true);
      await receipt.expectReady("waitingNetwork");
      failing = false;
      await context.setOffline(false);
      const reference = await receipt.expectSent();

      expect(answered.length, "tried again by itself, then once more").toBeGreaterThanOrEqual(3);
      expect(
        answered.slice(0, -1).every((status) => status === 500),
        "failures, then created once",
      ).toBe(true);
      expect(answered.at(-1)).toBe(201);
      expect(await serverRecord(request, receipt.requestId())).toEqual({
        status: 200,
        body: expect.objectContaining({ reference, status: "received" }),
      });
    });
  });
});
