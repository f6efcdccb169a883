// @vitest-environment happy-dom
/**
 * The person's answers leave through the same sender as requests: kept on the device until the
 * server has them, tried again after a failure, never sent a second time once confirmed, and
 * their documents' bytes dropped from the device with the confirmation.
 */
import "fake-indexeddb/auto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { markAnswerSent } from "../../../../src/app/storage/answers";
import { answersOf, recordAnswer } from "../../../../src/app/storage/answers-of-request";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { readFile, storeFile } from "../../../../src/app/storage/files";
import { sendNow } from "../../../../src/app/sync/sender";
import { grantWebLocks } from "../requests/device-requests";

const REQUEST = "33333333-aaaa-4000-8000-000000000003";

beforeAll(grantWebLocks);
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** A server that answers each call with the next status, and records what it was sent. */
function serverAnswering(...statuses: number[]) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const status = statuses.shift() ?? 204;
      return status === 204
        ? new Response(null, { status })
        : new Response(JSON.stringify({ code: "unavailable" }), { status });
    }),
  );
  return calls;
}

const posts = (calls: { url: string; body: unknown }[]) => calls.filter((c) => c.url.endsWith("/messages"));

describe("answers in the sender", () => {
  it("keeps a message until the server has it, then never sends it again", async () => {
    const message = await recordAnswer({
      requestId: REQUEST,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      documents: [],
      text: "Je passe demain.",
    });
    const calls = serverAnswering(503);
    await sendNow();
    expect(posts(calls)).toHaveLength(1);
    expect((await answersOf(REQUEST))[0]?.status).toBe("ready");

    await sendNow();
    expect(posts(calls)).toHaveLength(2);
    // The same answer both times: the server keeps it once by its client id.
    expect(posts(calls).map((c) => (c.body as { clientId: string }).clientId)).toEqual([
      message.clientId,
      message.clientId,
    ]);
    expect((await answersOf(REQUEST))[0]?.status).toBe("sent");

    await sendNow();
    expect(posts(calls)).toHaveLength(2);
  });

  it("drops an answer's documents from the device once the server has it", async () => {
    const ref = await storeFile(new Blob(["%PDF-1.4"]), "avis.pdf", "application/pdf");
    const answer = await recordAnswer({
      requestId: REQUEST,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      taskId: "task-1",
      documents: [{ fieldId: "taxNoticeFile", ref }],
    });
    expect(await readFile(ref.id)).toBeDefined();
    await markAnswerSent(answer.clientId);
    expect(await readFile(ref.id)).toBeUndefined();
    const [kept] = await answersOf(REQUEST);
    expect(kept).toMatchObject({ status: "sent", documents: [{ fieldId: "taxNoticeFile" }] });
  });
});
