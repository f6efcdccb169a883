import "fake-indexeddb/auto";
/**
 * The province's files kept with a request's exchanges go when the exchanges go: at sign-out for
 * the requests the device knew through the account (this device's own stay), with everything at
 * "erase everything", and one by one when the server no longer lists them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { forgetAccountRequests, keepAccountRequests } from "../../../../src/app/storage/account-requests";
import { closeDatabase, DB_NAME, wipeAll } from "../../../../src/app/storage/database";
import {
  forgetMessageFilesExcept,
  keepMessageFile,
  messageFileIds,
  readMessageFile,
} from "../../../../src/app/storage/message-files";

afterEach(async () => {
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

const FROM_ACCOUNT = "bbbbbbbb-2222-4000-8000-000000000002";
const OWN = "aaaaaaaa-1111-4000-8000-000000000001";
const file = (id: string) => ({ id, name: `${id}.pdf`, type: "application/pdf", size: 4 });

async function twoRequestsWithFiles() {
  await keepAccountRequests("account-1", [
    {
      id: FROM_ACCOUNT,
      reference: "BS-2026-000007",
      flowId: "bourse-scolaire",
      flowVersion: 1,
      sentAt: "2026-12-01T09:00:00Z",
      status: "in_review",
      statusChangedAt: "2026-12-02T09:00:00Z",
    },
  ]);
  await keepMessageFile(FROM_ACCOUNT, file("a"), new Blob(["%PDF"]));
  await keepMessageFile(OWN, file("b"), new Blob(["%PDF"]));
}

describe("the province's files on the device", () => {
  it("go with the account's requests at sign-out; this device's own stay", async () => {
    await twoRequestsWithFiles();
    await forgetAccountRequests();
    expect(await messageFileIds(FROM_ACCOUNT)).toEqual(new Set());
    expect(await readMessageFile("a")).toBeUndefined();
    expect((await readMessageFile("b"))?.name).toBe("b.pdf");
  });

  it("all go when everything is erased", async () => {
    await twoRequestsWithFiles();
    await wipeAll();
    expect(await readMessageFile("a")).toBeUndefined();
    expect(await readMessageFile("b")).toBeUndefined();
  });

  it("go one by one when the server no longer lists them", async () => {
    await keepMessageFile(OWN, file("b"), new Blob(["%PDF"]));
    await keepMessageFile(OWN, file("c"), new Blob(["%PDF"]));
    await forgetMessageFilesExcept(OWN, new Set(["c"]));
    expect(await messageFileIds(OWN)).toEqual(new Set(["c"]));
  });
});
