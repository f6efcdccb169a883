// @vitest-environment happy-dom
/**
 * The sender is never left idle with something to send: a request recorded while another is
 * leaving goes right after it, and a reason to try again that comes during a failing send is
 * not lost in the backoff.
 */
import "fake-indexeddb/auto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { readRequest } from "../../../../src/app/storage/requests";
import { sendNow } from "../../../../src/app/sync/sender";
import { finish, grantWebLocks, stubServer } from "../requests/device-requests";

const FIRST = "11111111-aaaa-4000-8000-000000000001";
const SECOND = "22222222-aaaa-4000-8000-000000000002";

const received = (id: string, reference: string) => ({
  id,
  reference,
  receivedAt: "2026-11-30T05:00:00.000Z",
  status: "received",
});

beforeAll(grantWebLocks);
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

describe("the sender", () => {
  it("sends a request recorded while another was leaving right after it, with no other nudge", async () => {
    await finish(FIRST, "aide-medicale", new Date(2026, 10, 30, 8));
    const server = stubServer();
    const sending = sendNow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await finish(SECOND, "bourse-scolaire", new Date(2026, 10, 30, 9));
    // What recording a request does: ask the sender, which is busy.
    void sendNow();
    server.answer(201, received(FIRST, "AM-2026-000001"));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    server.answer(201, received(SECOND, "BS-2026-000001"));
    await sending;
    expect((await readRequest(SECOND))?.status).toBe("sent");
  });

  it("tries again at once when asked during a send that fails, instead of waiting out the backoff", async () => {
    // The longest first wait (2 s): a second try sooner than that was not the backoff's.
    vi.spyOn(Math, "random").mockReturnValue(1);
    await finish(FIRST, "aide-medicale", new Date(2026, 10, 30, 8));
    const server = stubServer();
    const sending = sendNow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    // The network came back, or the page became visible again.
    void sendNow();
    server.answer(503, { error: { code: "unavailable", message: "Service indisponible." } });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2), { timeout: 1500 });
    server.answer(201, received(FIRST, "AM-2026-000001"));
    await sending;
    expect((await readRequest(FIRST))?.status).toBe("sent");
  });
});
