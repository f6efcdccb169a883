// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { cleanup, render, screen, waitFor, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { i18n } from "../../../../src/app/i18n/i18n";
import { MyRequestsPage } from "../../../../src/app/requests/my-requests-page";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { markProblem, markSent } from "../../../../src/app/storage/requests";
import { sendNow } from "../../../../src/app/sync/sender";
import { loadFrenchTexts } from "../fields/french-texts";
import { finish, grantWebLocks, setOnline, stubServer } from "./device-requests";

const title = (flowId: string) => i18n.t(`${flowId}:title` as never);
/** Text content with the no-break spaces of French typography read as spaces. */
const text = (element: Element) => element.textContent?.replace(/\s+/g, " ").trim();

beforeAll(async () => {
  await loadFrenchTexts();
  grantWebLocks();
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  setOnline(true);
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

async function openPage(): Promise<HTMLElement[]> {
  render(<MyRequestsPage />);
  await screen.findByRole("heading", { level: 1, name: "Mes démarches" });
  return screen.queryAllByRole("listitem");
}

/** What the list says about one request: its number, when it was made, where it stands. */
function facts(item: HTMLElement): Record<string, string | undefined> {
  return Object.fromEntries(
    within(item)
      .getAllByRole("term")
      .map((term) => [text(term), text(term.nextElementSibling as Element)]),
  );
}

describe("Mes démarches", () => {
  it("says in plain words that no request was made on this device, and where to start one", async () => {
    expect(await openPage()).toEqual([]);
    expect(screen.getByText("Vous n'avez pas encore envoyé de demande.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Voir les démarches" }).getAttribute("href")).toBe("/");
    await waitFor(() => expect(document.title).toBe("Mes démarches – Pas à pas"));
  });

  it("lists every request, most recent first, with its number, date, procedure and status", async () => {
    const sent = await finish(
      "aaaaaaaa-1111-4000-8000-000000000001",
      "bourse-scolaire",
      new Date(2026, 2, 2, 9, 5),
    );
    await markSent(sent.id, "BS-2026-000042", new Date(2026, 2, 3, 8, 0).toISOString());
    const refused = await finish(
      "bbbbbbbb-2222-4000-8000-000000000002",
      "aide-medicale",
      new Date(2026, 2, 10, 16, 40),
    );
    await markProblem(refused.id, { code: "invalid_answers", fields: [{ path: "income", code: "min" }] });
    const ready = await finish(
      "cccccccc-3333-4000-8000-000000000003",
      "bourse-scolaire",
      new Date(2026, 2, 12, 14, 32),
    );

    const items = await openPage();

    expect(items.map((item) => text(within(item).getByRole("heading", { level: 2 })))).toEqual([
      title("bourse-scolaire"),
      title("aide-medicale"),
      title("bourse-scolaire"),
    ]);
    const [newest, problem, oldest] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(facts(newest)).toEqual({
      "Numéro provisoire": "CCCC-CCCC",
      "Faite le": "12 mars 2026 à 14 h 32",
      État: "Pas encore envoyée. Nous réessayons tout seuls.",
    });
    expect(facts(problem)).toEqual({
      "Numéro provisoire": "BBBB-BBBB",
      "Faite le": "10 mars 2026 à 16 h 40",
      État: "À corriger. La démarche a changé : ouvrez la demande pour revoir vos réponses.",
    });
    expect(facts(oldest)).toEqual({
      "Numéro de dossier": "BS-2026-000042",
      "Faite le": "2 mars 2026 à 9 h 05",
      État: "Envoyée. La province l'a reçue le 3 mars 2026.",
    });
    expect(within(oldest).getByRole("link").getAttribute("href")).toBe(`/demandes/${sent.id}`);
    expect(within(newest).getByRole("link").getAttribute("href")).toBe(`/demandes/${ready.id}`);
  });

  it("names each link with the request's number and status, so two of one procedure differ", async () => {
    await finish("dddddddd-4444-4000-8000-000000000004", "bourse-scolaire", new Date(2026, 2, 1));
    await finish("eeeeeeee-5555-4000-8000-000000000005", "bourse-scolaire", new Date(2026, 2, 2));
    await openPage();
    const links = screen.getAllByRole("link", { name: title("bourse-scolaire") });
    const described = links.map((link) =>
      (link.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => text(document.getElementById(id) as Element))
        .join(" "),
    );
    expect(described).toEqual([
      "EEEE-EEEE Pas encore envoyée. Nous réessayons tout seuls.",
      "DDDD-DDDD Pas encore envoyée. Nous réessayons tout seuls.",
    ]);
  });

  it("keeps the receipt of a procedure no longer offered, and says so", async () => {
    const old = await finish("99999999-0000-4000-8000-000000000010", "permis-de-peche", new Date(2026, 0, 5));
    await markSent(old.id, "PP-2026-000001", new Date(2026, 0, 6).toISOString());
    const [item] = (await openPage()) as [HTMLElement];
    expect(text(within(item).getByRole("link"))).toBe("Démarche qui n'est plus proposée");
    expect(facts(item)).toMatchObject({ "Numéro de dossier": "PP-2026-000001" });
  });

  it("says a request waits for the network while there is none", async () => {
    await finish("ffffffff-6666-4000-8000-000000000006", "aide-medicale", new Date(2026, 2, 12));
    const [item] = (await openPage()) as [HTMLElement];
    setOnline(false);
    expect(
      await within(item).findByText("Pas encore envoyée. Elle partira dès que vous aurez du réseau."),
    ).toBeTruthy();
  });

  it("follows the sender: sending, then sent with the province's number, without leaving the page", async () => {
    const request = await finish(
      "12345678-7777-4000-8000-000000000007",
      "bourse-scolaire",
      new Date(2026, 2, 12),
    );
    const server = stubServer();
    const [item] = (await openPage()) as [HTMLElement];
    expect(facts(item)["Numéro provisoire"]).toBe("1234-5678");

    const sending = sendNow();
    expect(await within(item).findByText("Envoi en cours…")).toBeTruthy();
    server.answer(201, {
      id: request.id,
      reference: "BS-2026-000123",
      receivedAt: new Date(2026, 2, 12, 14, 33).toISOString(),
      status: "received",
    });
    await sending;

    expect(await within(item).findByText("Envoyée. La province l'a reçue le 12 mars 2026.")).toBeTruthy();
    expect(facts(item)).toMatchObject({ "Numéro de dossier": "BS-2026-000123" });
  });

  it("shows a request the server refused for its answers as one to fix", async () => {
    await finish("87654321-8888-4000-8000-000000000008", "aide-medicale", new Date(2026, 2, 12));
    const server = stubServer();
    const [item] = (await openPage()) as [HTMLElement];
    const sending = sendNow();
    await within(item).findByText("Envoi en cours…");
    server.answer(422, { error: { code: "invalid_answers", message: "…", fields: [] } });
    await sending;
    expect(
      await within(item).findByText(
        "À corriger. La démarche a changé : ouvrez la demande pour revoir vos réponses.",
        { normalizer: (s) => s.replace(/\s+/g, " ").trim() },
      ),
    ).toBeTruthy();
  });
});
