// @vitest-environment happy-dom
import "fake-indexeddb/auto";
/**
 * A message's files on the receipt: one kept on the device is a link to its own bytes (it opens
 * offline); one not kept is a link to the server while online, and offline says it needs the
 * network rather than offering a link that cannot work.
 */
import { Blob as NodeBlob } from "node:buffer";
import { cleanup, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { keepMessageFile } from "../../../../src/app/storage/message-files";
import { MessageFiles } from "../../../../src/app/wizard/exchanges/message-files";
import { loadFrenchTexts } from "../fields/french-texts";

const REQUEST = "aaaaaaaa-1111-4000-8000-000000000001";
const KEPT = { id: "kept", name: "courrier.pdf", type: "application/pdf", size: 120_000 };
const BIG = { id: "big", name: "plan.pdf", type: "application/pdf", size: 6_000_000 };

beforeAll(loadFrenchTexts);
afterEach(async () => {
  cleanup();
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => true });
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** Node's own Blob: the one fake-indexeddb's structured clone keeps a Blob (happy-dom's comes back a plain object). */
const pdf = () => new NodeBlob(["%PDF-1.4"], { type: "application/pdf" }) as unknown as Blob;

const offline = () => Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });

describe("a message's files", () => {
  it("opens a kept file from the device, and one not kept from the server", async () => {
    await keepMessageFile(REQUEST, KEPT, pdf());
    render(<MessageFiles requestId={REQUEST} files={[KEPT, BIG]} />);
    const kept = await screen.findByRole("link", { name: /^courrier\.pdf \(PDF, 120/ });
    await expect.poll(() => kept.getAttribute("href")).toMatch(/^blob:/);
    expect(kept.getAttribute("download")).toBe("courrier.pdf");
    expect(screen.getByRole("link", { name: /^plan\.pdf/ }).getAttribute("href")).toBe(
      `/api/submissions/${REQUEST}/attachments/big`,
    );
  });

  it("offline, still opens the kept file and says the other needs the network", async () => {
    offline();
    await keepMessageFile(REQUEST, KEPT, pdf());
    render(<MessageFiles requestId={REQUEST} files={[KEPT, BIG]} />);
    expect(await screen.findByRole("link", { name: /^courrier\.pdf/ })).toBeTruthy();
    expect(screen.queryByRole("link", { name: /^plan\.pdf/ })).toBeNull();
    expect(screen.getByText(/^plan\.pdf .*s'ouvre avec le réseau/)).toBeTruthy();
  });
});
