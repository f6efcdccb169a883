// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { cleanup, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RequestPage } from "../../../../src/app/requests/request-page";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { sendNow } from "../../../../src/app/sync/sender";
import { loadFrenchTexts } from "../fields/french-texts";
import { finish, grantWebLocks, stubServer } from "./device-requests";

beforeAll(async () => {
  await loadFrenchTexts();
  grantWebLocks();
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

describe("the receipt of a request", () => {
  it("is not titled 'Demande prête' for a request this device does not know", async () => {
    render(<RequestPage id="abcdef12-9999-4000-8000-000000000404" />);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Demande introuvable sur cet appareil" }),
    ).toBeTruthy();
    expect(screen.queryByText("Demande prête")).toBeNull();
    expect(screen.getByText("Nous ne trouvons pas cette demande sur cet appareil.")).toBeTruthy();
  });

  it("turns from ready to sent as the sender works, and leads to all my requests", async () => {
    const request = await finish(
      "abcdef12-9999-4000-8000-000000000009",
      "aide-medicale",
      new Date(2026, 2, 12),
    );
    const server = stubServer();
    render(<RequestPage id={request.id} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Demande prête" })).toBeTruthy();
    expect(screen.getByText("ABCD-EF12")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir toutes mes démarches" }).getAttribute("href")).toBe(
      "/mes-demarches",
    );

    const sending = sendNow();
    expect((await screen.findByText("Envoi de votre demande…")).getAttribute("role")).toBe("status");
    server.answer(201, {
      id: request.id,
      reference: "AM-2026-000007",
      receivedAt: new Date(2026, 2, 12, 14, 33).toISOString(),
      status: "received",
    });
    await sending;

    expect(await screen.findByRole("heading", { level: 1, name: "Demande envoyée" })).toBeTruthy();
    expect(screen.getByText("AM-2026-000007")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toMatch(
      /^La province a reçu votre demande le 12 mars 2026/,
    );
    await waitFor(() => expect(document.title).toBe("Demande envoyée – Pas à pas"));
  });

  it("says it cannot find a request that is not on this device, and where to look", async () => {
    render(<RequestPage id="00000000-0000-4000-8000-000000000000" />);
    expect(await screen.findByText("Nous ne trouvons pas cette demande sur cet appareil.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir toutes mes démarches" }).getAttribute("href")).toBe(
      "/mes-demarches",
    );
  });
});
