import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, DB_NAME, DB_VERSION } from "../../../../src/app/storage/database";
import { DraftConflict, loadDraft, saveDraft } from "../../../../src/app/storage/drafts";
import { readRequest, requestsToSend } from "../../../../src/app/storage/requests";

afterEach(async () => {
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** Version 1 as it shipped: three stores, no index. Written out here, never imported from the app. */
async function createVersion1(): Promise<void> {
  const db = await openDB(DB_NAME, 1, {
    upgrade(v1) {
      v1.createObjectStore("drafts", { keyPath: "id" });
      v1.createObjectStore("files", { keyPath: "id" });
      v1.createObjectStore("requests", { keyPath: "id" });
    },
  });
  await db.put("drafts", {
    id: "aide-medicale",
    flowId: "aide-medicale",
    flowVersion: 1,
    answers: { residentSixMonths: true },
    snapshot: { value: "commune" },
    updatedAt: "2026-11-29T20:00:00Z",
    step: "commune",
    progress: { step: 2, total: 9 },
    owner: null,
    revision: 4,
  });
  await db.put("requests", {
    id: "7f3a91c2-0000-4000-8000-000000000000",
    flowId: "bourse-scolaire",
    flowVersion: 1,
    answers: {},
    createdAt: "2026-11-29T21:00:00Z",
    provisionalReference: "7F3A-91C2",
    status: "ready",
  });
  db.close();
}

/** Version 2 as it shipped: version 1 plus an index per store. */
async function createVersion2(): Promise<void> {
  await createVersion1();
  const db = await openDB(DB_NAME, 2, {
    upgrade(_v2, _old, _new, tx) {
      tx.objectStore("requests").createIndex("by-status", "status");
      tx.objectStore("drafts").createIndex("by-owner", "owner");
    },
  });
  db.close();
}

describe("opening a database left by the previous version", () => {
  it("is at version 3", () => {
    expect(DB_VERSION).toBe(3);
  });

  it("keeps a version 2 draft, goes on saving it, and refuses a save from an older copy", async () => {
    await createVersion2();
    const draft = await loadDraft("aide-medicale");
    if (!draft) throw new Error("draft lost in the upgrade");
    expect(draft.revision).toBe(4);
    // A tab still holding revision 3 would write 4, the revision already on the device.
    await expect(saveDraft({ ...draft, answers: {} })).rejects.toBeInstanceOf(DraftConflict);
    await saveDraft({ ...draft, revision: 5, answers: { residentSixMonths: false } });
    expect((await loadDraft("aide-medicale"))?.answers).toEqual({ residentSixMonths: false });
  });

  it("keeps every draft and request, and the outbox finds requests to send by status", async () => {
    await createVersion1();
    expect((await loadDraft("aide-medicale"))?.revision).toBe(4);
    expect((await readRequest("7f3a91c2-0000-4000-8000-000000000000"))?.provisionalReference).toBe(
      "7F3A-91C2",
    );
    expect((await requestsToSend()).map((r) => r.id)).toEqual(["7f3a91c2-0000-4000-8000-000000000000"]);
  });

  it("goes on saving a migrated draft from its revision", async () => {
    await createVersion1();
    const draft = await loadDraft("aide-medicale");
    if (!draft) throw new Error("draft lost in the upgrade");
    await saveDraft({ ...draft, revision: 5, answers: { residentSixMonths: true, commune: "noumea" } });
    expect((await loadDraft("aide-medicale"))?.answers).toEqual({
      residentSixMonths: true,
      commune: "noumea",
    });
  });
});
