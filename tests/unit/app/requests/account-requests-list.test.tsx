// @vitest-environment happy-dom
import "fake-indexeddb/auto";
/**
 * "Mes démarches" with what the account's list brought to the device: a request of this device
 * the province refused says so with its reason and what the person can do; one sent from another
 * device is listed as such; signing out forgets the latter and keeps this device's receipts.
 */
import { cleanup, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MyRequestsPage } from "../../../../src/app/requests/my-requests-page";
import {
  type AccountRequest,
  forgetAccountRequests,
  keepAccountRequests,
  requestsToAttach,
} from "../../../../src/app/storage/account-requests";
import { recordAnswer } from "../../../../src/app/storage/answers-of-request";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { keepExchanges } from "../../../../src/app/storage/exchanges";
import { listRequests, markSent } from "../../../../src/app/storage/requests";
import { loadFrenchTexts } from "../fields/french-texts";
import { finish, grantWebLocks } from "./device-requests";

const text = (element: Element) => element.textContent?.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  await loadFrenchTexts();
  grantWebLocks();
});
afterEach(async () => {
  cleanup();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

const OWN = "aaaaaaaa-1111-4000-8000-000000000001";
const ELSEWHERE = "bbbbbbbb-2222-4000-8000-000000000002";
const reason = "Vos revenus dépassent le plafond de l'aide.";

function listed(id: string, status: string, extra: Partial<AccountRequest> = {}): AccountRequest {
  return {
    id,
    flowId: "bourse-scolaire",
    flowVersion: 1,
    reference: id === OWN ? "BS-2026-000042" : "BS-2026-000043",
    sentAt: new Date(2026, 2, 3, 8, 0).toISOString(),
    status,
    statusChangedAt: new Date(2026, 2, 20, 10, 0).toISOString(),
    ...extra,
  };
}

describe("Mes démarches with the account's requests", () => {
  it("words each status, with the reason and what comes next, and forgets the other devices' at sign-out", async () => {
    await finish(OWN, "bourse-scolaire", new Date(2026, 2, 2, 9, 5));
    await markSent(OWN, "BS-2026-000042", new Date(2026, 2, 3, 8, 0).toISOString());
    expect((await requestsToAttach()).map((r) => r.id)).toEqual([OWN]);
    await keepAccountRequests("account-1", [
      listed(OWN, "refused", { reason }),
      listed(ELSEWHERE, "awaiting_citizen", { reason: "L'avis d'imposition 2025." }),
    ]);
    // Now the account's: no longer offered to attach.
    expect(await requestsToAttach()).toEqual([]);

    render(<MyRequestsPage />);
    await screen.findByRole("heading", { level: 1, name: "Mes démarches" });
    const items = await screen.findAllByRole("listitem");
    const [elsewhere, own] = items as [HTMLElement, HTMLElement];
    expect(text(own)).toContain("Refusée le 20 mars 2026.");
    expect(text(own)).toContain(`La raison donnée : ${reason}`);
    expect(text(own)).toContain(
      "Si vous n'êtes pas d'accord, appelez la province avec votre numéro de dossier.",
    );
    expect(text(elsewhere)).toContain("La province attend quelque chose de vous depuis le 20 mars 2026.");
    expect(text(elsewhere)).toContain("Ce qui vous est demandé : L'avis d'imposition 2025.");
    expect(within(elsewhere).getByText("Faite sur un autre appareil")).toBeTruthy();
    expect(within(own).queryByText("Faite sur un autre appareil")).toBeNull();

    await forgetAccountRequests();
    expect((await listRequests()).map((r) => r.id)).toEqual([OWN]);
  });

  it("drops what only the account knew when the account no longer lists it", async () => {
    await keepAccountRequests("account-1", [listed(ELSEWHERE, "received")]);
    expect((await listRequests()).map((r) => r.fromAccount)).toEqual([true]);
    await keepAccountRequests("account-1", []);
    expect(await listRequests()).toEqual([]);
  });

  it("gives a line to each thing the province still asks, from what the device holds", async () => {
    await keepAccountRequests("account-1", [listed(ELSEWHERE, "awaiting_citizen")]);
    const task = (id: string, extra: object) => ({
      id,
      at: new Date(2026, 2, 20, 10, 0).toISOString(),
      kind: "documents" as const,
      origin: "agent" as const,
      text: "Merci.",
      documents: [],
      answeredAt: null,
      ...extra,
    });
    const answer = (taskId: string) =>
      recordAnswer({
        requestId: ELSEWHERE,
        flowId: "bourse-scolaire",
        flowVersion: 1,
        taskId,
        documents: [],
        text: "Corrigé",
      });
    // Answered on this device before the exchanges were fetched again, and not yet sent.
    await answer("t5");
    await keepExchanges(ELSEWHERE, {
      tasks: [
        task("t1", { documents: [{ fieldId: "taxNoticeFile", label: "Avis d'imposition" }] }),
        task("t2", {
          origin: "later",
          documents: [
            { fieldId: "ribFile", label: "RIB" },
            { fieldId: "custodyFile", label: "Décision de garde" },
          ],
        }),
        task("t3", { kind: "correction", documents: [] }),
        task("t4", { kind: "correction", answeredAt: new Date(2026, 2, 21).toISOString() }),
        task("t5", { kind: "correction" }),
      ],
      messages: [],
    });
    // And answered now, from the receipt.
    await answer("t3");

    render(<MyRequestsPage />);
    const [item] = await screen.findAllByRole("listitem", { name: undefined });
    const lines = await within(item as HTMLElement).findAllByRole("listitem");
    expect(lines.map(text)).toEqual([
      "À faire : ajouter le document demandé (Avis d'imposition)",
      "À faire : ajouter les documents gardés pour plus tard (RIB, Décision de garde)",
      "Votre réponse est prête sur cet appareil : ouvrez la demande pour voir où elle en est.",
      "Votre réponse est prête sur cet appareil : ouvrez la demande pour voir où elle en est.",
    ]);
  });
});
