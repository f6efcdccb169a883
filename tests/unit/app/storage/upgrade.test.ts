import "fake-indexeddb/auto";
import { openDB } from "idb";
import { afterEach, describe, expect, it } from "vitest";
import { answersToSend } from "../../../../src/app/storage/answers";
import { answersOf, recordAnswer } from "../../../../src/app/storage/answers-of-request";
import { closeDatabase, DB_NAME, DB_VERSION } from "../../../../src/app/storage/database";
import { readDraftSync, writeDraftSync } from "../../../../src/app/storage/draft-sync";
import {
  DraftConflict,
  type DraftRecord,
  listDrafts,
  loadDraft,
  saveDraft,
} from "../../../../src/app/storage/drafts";
import { keepExchanges, readExchanges } from "../../../../src/app/storage/exchanges";
import { keepMessageFile, messageFileIds, readMessageFile } from "../../../../src/app/storage/message-files";
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

/** Version 3 as it shipped: version 2 plus the revisions each draft claimed, drafts keyed by flow. */
async function createVersion3(): Promise<void> {
  await createVersion2();
  const db = await openDB(DB_NAME, 3, {
    upgrade(v3) {
      v3.createObjectStore("draft-revisions", { keyPath: ["draftId", "revision"] });
    },
  });
  for (const revision of [1, 2, 3, 4])
    await db.add("draft-revisions", { draftId: "aide-medicale", revision });
  await db.put("drafts", {
    id: "bourse-scolaire",
    flowId: "bourse-scolaire",
    flowVersion: 1,
    answers: { applicantFirstName: "Marie" },
    snapshot: { value: "applicant" },
    updatedAt: "2026-11-29T22:00:00Z",
    step: "applicant",
    progress: { step: 3, total: 12 },
    owner: null,
    revision: 1,
  });
  await db.add("draft-revisions", { draftId: "bourse-scolaire", revision: 1 });
  db.close();
}

/** Version 4 as it shipped: version 3 with drafts under ids of their own and a `by-flow` index. */
async function createVersion4(): Promise<void> {
  await createVersion1();
  const db = await openDB(DB_NAME, 4, {
    upgrade(v4, _old, _new, tx) {
      tx.objectStore("requests").createIndex("by-status", "status");
      const drafts = tx.objectStore("drafts");
      drafts.createIndex("by-owner", "owner");
      drafts.createIndex("by-flow", "flowId");
      v4.createObjectStore("draft-revisions", { keyPath: ["draftId", "revision"] });
    },
  });
  const draft = await db.get("drafts", "aide-medicale");
  await db.delete("drafts", "aide-medicale");
  await db.put("drafts", { ...draft, id: V4_DRAFT_ID });
  await db.add("draft-revisions", { draftId: V4_DRAFT_ID, revision: 4 });
  db.close();
}
const V4_DRAFT_ID = "0b7e2a4c-5f1d-4c3e-9a2b-6d8f0e1c2a3b";

/** Version 5 as it shipped: version 4 plus where each draft stands with the account, and a sent request. */
async function createVersion5(): Promise<void> {
  await createVersion4();
  const db = await openDB(DB_NAME, 5, {
    upgrade(v5) {
      v5.createObjectStore("draft-sync", { keyPath: "draftId" });
    },
  });
  await db.put("draft-sync", { draftId: V4_DRAFT_ID, serverRevision: 2, pushedRevision: 4, documents: [] });
  await db.put("requests", {
    id: V5_SENT_ID,
    flowId: "bourse-scolaire",
    flowVersion: 1,
    answers: {},
    createdAt: "2026-12-01T09:00:00Z",
    provisionalReference: "5E27-0C11",
    documentsDue: ["bourse-scolaire:fields.taxNoticeFile.label"],
    status: "sent",
    reference: "BS-2026-000042",
    receivedAt: "2026-12-01T09:00:05Z",
  });
  db.close();
}
const V5_SENT_ID = "5e270c11-0000-4000-8000-000000000000";

/** Version 6 as it shipped: version 5 plus what the province asks, its messages naming files by upload id. */
async function createVersion6(): Promise<void> {
  await createVersion5();
  const db = await openDB(DB_NAME, 6, {
    upgrade(v6) {
      v6.createObjectStore("exchanges", { keyPath: "requestId" });
      const answers = v6.createObjectStore("answers", { keyPath: "clientId" });
      answers.createIndex("by-status", "status");
      answers.createIndex("by-request", "requestId");
    },
  });
  await db.put("exchanges", {
    requestId: V5_SENT_ID,
    tasks: [],
    messages: [
      { id: "m1", at: "2026-12-02T10:00:00Z", from: "staff", text: "Bonjour", attachments: [] },
      {
        id: "m2",
        at: "2026-12-02T11:00:00Z",
        from: "citizen",
        text: "Voici",
        attachments: ["0123456789abcdef0123456789abcdef"],
      },
    ],
    fetchedAt: "2026-12-02T11:05:00Z",
  });
  db.close();
}

/** The one draft of a procedure after an upgrade: drafts now have ids of their own. */
async function onlyDraftOf(flowId: string): Promise<DraftRecord> {
  const drafts = await listDrafts(flowId);
  expect(drafts).toHaveLength(1);
  return drafts[0] as DraftRecord;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("opening a database left by the previous version", () => {
  it("is at version 7", () => {
    expect(DB_VERSION).toBe(7);
  });

  it("gives each version 3 draft an id of its own, keeping its answers, step and revision", async () => {
    await createVersion3();
    const medical = await onlyDraftOf("aide-medicale");
    const grant = await onlyDraftOf("bourse-scolaire");
    expect(medical.id).toMatch(UUID);
    expect(grant.id).toMatch(UUID);
    expect(medical.id).not.toBe(grant.id);
    expect(await loadDraft("aide-medicale")).toBeUndefined();
    expect([medical.answers, medical.step, medical.revision]).toEqual([
      { residentSixMonths: true },
      "commune",
      4,
    ]);
    expect([grant.answers, grant.progress]).toEqual([
      { applicantFirstName: "Marie" },
      { step: 3, total: 12 },
    ]);
    expect((await listDrafts()).map((d) => d.flowId)).toEqual(["bourse-scolaire", "aide-medicale"]);
  });

  it("moves the revisions a version 3 draft claimed to its new id", async () => {
    await createVersion3();
    const draft = await onlyDraftOf("aide-medicale");
    // A tab still holding revision 3 would write 4, the revision already on the device.
    await expect(saveDraft({ ...draft, answers: {} })).rejects.toBeInstanceOf(DraftConflict);
    await saveDraft({ ...draft, revision: 5, answers: { residentSixMonths: false } });
    expect((await loadDraft(draft.id))?.answers).toEqual({ residentSixMonths: false });
    // The old id's revisions went with it: a new draft that happened to reuse it starts afresh.
    await saveDraft({ ...draft, id: "aide-medicale", revision: 1 });
    expect((await loadDraft("aide-medicale"))?.revision).toBe(1);
  });

  it("lets a procedure have a second draft next to an upgraded one", async () => {
    await createVersion3();
    const first = await onlyDraftOf("aide-medicale");
    await saveDraft({ ...first, id: crypto.randomUUID(), revision: 1, updatedAt: "2026-12-01T08:00:00Z" });
    expect((await listDrafts("aide-medicale")).map((d) => d.revision)).toEqual([1, 4]);
  });

  it("keeps a version 2 draft, goes on saving it, and refuses a save from an older copy", async () => {
    await createVersion2();
    const draft = await onlyDraftOf("aide-medicale");
    expect(draft.revision).toBe(4);
    // A tab still holding revision 3 would write 4, the revision already on the device.
    await expect(saveDraft({ ...draft, answers: {} })).rejects.toBeInstanceOf(DraftConflict);
    await saveDraft({ ...draft, revision: 5, answers: { residentSixMonths: false } });
    expect((await loadDraft(draft.id))?.answers).toEqual({ residentSixMonths: false });
  });

  it("keeps every draft and request, and the outbox finds requests to send by status", async () => {
    await createVersion1();
    expect((await onlyDraftOf("aide-medicale")).revision).toBe(4);
    expect((await readRequest("7f3a91c2-0000-4000-8000-000000000000"))?.provisionalReference).toBe(
      "7F3A-91C2",
    );
    expect((await requestsToSend()).map((r) => r.id)).toEqual(["7f3a91c2-0000-4000-8000-000000000000"]);
  });

  it("goes on saving a migrated draft from its revision", async () => {
    await createVersion1();
    const draft = await onlyDraftOf("aide-medicale");
    await saveDraft({ ...draft, revision: 5, answers: { residentSixMonths: true, commune: "noumea" } });
    expect((await loadDraft(draft.id))?.answers).toEqual({
      residentSixMonths: true,
      commune: "noumea",
    });
  });

  it("keeps a version 4 draft, which no account has yet, and can record where it stands with the account", async () => {
    await createVersion4();
    const draft = await onlyDraftOf("aide-medicale");
    expect(draft.id).toBe(V4_DRAFT_ID);
    expect(await readDraftSync(V4_DRAFT_ID)).toBeUndefined();
    await writeDraftSync({ draftId: V4_DRAFT_ID, serverRevision: 1, pushedRevision: 4, documents: [] });
    expect((await readDraftSync(V4_DRAFT_ID))?.serverRevision).toBe(1);
    await saveDraft({ ...draft, revision: 5 });
    expect((await loadDraft(V4_DRAFT_ID))?.revision).toBe(5);
  });

  it("keeps a version 5 database whole, and can keep what the province asks of a sent request and the answers to it", async () => {
    await createVersion5();
    expect((await readDraftSync(V4_DRAFT_ID))?.serverRevision).toBe(2);
    expect((await readRequest(V5_SENT_ID))?.reference).toBe("BS-2026-000042");
    expect(await readExchanges(V5_SENT_ID)).toBeUndefined();
    expect(await answersToSend()).toEqual([]);
    await keepExchanges(V5_SENT_ID, { tasks: [], messages: [] });
    expect((await readExchanges(V5_SENT_ID))?.tasks).toEqual([]);
    const answer = await recordAnswer({
      requestId: V5_SENT_ID,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      documents: [],
      text: "Bonjour",
    });
    expect((await answersToSend()).map((a) => a.clientId)).toEqual([answer.clientId]);
    expect((await answersOf(V5_SENT_ID)).map((a) => a.text)).toEqual(["Bonjour"]);
  });

  it("keeps a version 6 database's messages, without the upload ids they named, and can keep the province's files", async () => {
    await createVersion6();
    const kept = await readExchanges(V5_SENT_ID);
    expect(kept?.messages.map((m) => [m.text, m.attachments])).toEqual([
      ["Bonjour", []],
      ["Voici", []],
    ]);
    expect((await readRequest(V5_SENT_ID))?.reference).toBe("BS-2026-000042");
    const file = { id: "f1", name: "courrier.pdf", type: "application/pdf", size: 4 };
    await keepMessageFile(V5_SENT_ID, file, new Blob(["%PDF"]));
    expect(await messageFileIds(V5_SENT_ID)).toEqual(new Set(["f1"]));
    expect((await readMessageFile("f1"))?.name).toBe("courrier.pdf");
  });
});
