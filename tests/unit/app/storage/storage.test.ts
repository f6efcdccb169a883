import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, DB_NAME, wipeAll } from "../../../../src/app/storage/database";
import {
  DraftConflict,
  type DraftRecord,
  deleteDraft,
  listDrafts,
  loadDraft,
  saveDraft,
} from "../../../../src/app/storage/drafts";
import { deleteFile, readFile, storeFile } from "../../../../src/app/storage/files";
import {
  DraftGone,
  listRequests,
  markProblem,
  provisionalReference,
  type RequestRecord,
  readRequest,
  recordRequest,
  reopenRequest,
} from "../../../../src/app/storage/requests";

const draft = (id: string, updatedAt: string): DraftRecord => ({
  id,
  flowId: id,
  flowVersion: 1,
  answers: { income: 90000 },
  snapshot: { value: "household" },
  updatedAt,
  step: "household",
  progress: { step: 1, total: 5 },
  owner: null,
  revision: 1,
});

afterEach(async () => {
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

describe("storage on the device", () => {
  it("keeps drafts and lists the most recent first", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    await saveDraft(draft("aide-medicale", "2026-11-30T02:00:00Z"));
    await saveDraft({ ...draft("bourse-scolaire", "2026-11-30T03:00:00Z"), revision: 2 });
    expect((await listDrafts()).map((d) => [d.id, d.revision])).toEqual([
      ["bourse-scolaire", 2],
      ["aide-medicale", 1],
    ]);
    expect((await loadDraft("aide-medicale"))?.answers).toEqual({ income: 90000 });
    await deleteDraft("aide-medicale");
    expect(await loadDraft("aide-medicale")).toBeUndefined();
  });

  it("finds the draft again after the database was closed, as after a reload", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    await closeDatabase();
    expect((await loadDraft("bourse-scolaire"))?.step).toBe("household");
  });

  it("records a finished request and removes its draft in the same transaction", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    const id = "7f3a91c2-0000-4000-8000-000000000000";
    const request: RequestRecord = {
      id,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: { income: 90000 },
      createdAt: "2026-11-30T01:05:00Z",
      provisionalReference: provisionalReference(id),
      status: "ready",
    };
    await recordRequest(request, "bourse-scolaire");
    expect(await loadDraft("bourse-scolaire")).toBeUndefined();
    expect(await readRequest(id)).toEqual(request);
    expect((await listRequests()).map((r) => r.provisionalReference)).toEqual(["7F3A-91C2"]);
  });

  it("refuses a save from a tab that started from an older copy, so newer answers are never overwritten", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    const firstTab = {
      ...draft("bourse-scolaire", "2026-11-30T01:01:00Z"),
      revision: 2,
      answers: { income: 1 },
    };
    const secondTab = {
      ...draft("bourse-scolaire", "2026-11-30T01:02:00Z"),
      revision: 2,
      answers: { income: 2 },
    };
    await saveDraft(firstTab);
    await expect(saveDraft(secondTab)).rejects.toBeInstanceOf(DraftConflict);
    expect((await loadDraft("bourse-scolaire"))?.answers).toEqual({ income: 1 });
    await saveDraft({ ...firstTab, revision: 3, answers: { income: 3 } });
    expect((await loadDraft("bourse-scolaire"))?.answers).toEqual({ income: 3 });
  });

  it("refuses to record a request whose draft was already sent from another tab", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    const request = (id: string): RequestRecord => ({
      id,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: {},
      createdAt: "2026-11-30T01:05:00Z",
      provisionalReference: provisionalReference(id),
      status: "ready",
    });
    await recordRequest(request("11111111-0000-4000-8000-000000000000"), "bourse-scolaire");
    await expect(
      recordRequest(request("22222222-0000-4000-8000-000000000000"), "bourse-scolaire"),
    ).rejects.toBeInstanceOf(DraftGone);
    expect(await listRequests()).toHaveLength(1);
  });

  it("turns a request refused for its answers back into a draft of its own, next to the procedure's others", async () => {
    const id = "33333333-0000-4000-8000-000000000000";
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    await recordRequest(
      {
        id,
        flowId: "bourse-scolaire",
        flowVersion: 1,
        answers: { income: 5 },
        createdAt: "2026-11-30T01:05:00Z",
        provisionalReference: provisionalReference(id),
        status: "ready",
      },
      "bourse-scolaire",
    );
    expect(await reopenRequest(id)).toBeUndefined();
    await markProblem(id, { code: "invalid_answers", fields: [{ path: "income", code: "min" }] });
    await saveDraft(draft("bourse-scolaire", "2026-11-30T02:00:00Z"));
    const reopened = await reopenRequest(id);
    expect(reopened?.flowId).toBe("bourse-scolaire");
    const draftId = reopened?.draftId ?? "";
    expect(draftId).not.toBe(id);
    expect((await loadDraft(draftId))?.answers).toEqual({ income: 5 });
    expect((await listDrafts("bourse-scolaire")).map((d) => d.id).sort()).toEqual(
      ["bourse-scolaire", draftId].sort(),
    );
    expect(await readRequest(id)).toBeUndefined();
    // Reopened once: a second click (another tab) finds nothing to reopen.
    expect(await reopenRequest(id)).toBeUndefined();
  });

  it("deletes a draft with the documents it holds", async () => {
    const photo = await storeFile(new Blob(["jpeg"]), "livret.jpg", "image/jpeg");
    const kept = await storeFile(new Blob(["pdf"]), "autre.pdf", "application/pdf");
    await saveDraft({
      ...draft("bourse-scolaire", "2026-11-30T01:00:00Z"),
      answers: { children: [{ doc: [photo] }] },
    });
    await deleteDraft("bourse-scolaire");
    expect(await readFile(photo.id)).toBeUndefined();
    expect(await readFile(kept.id)).toBeDefined();
  });

  it("starts a new draft of the same procedure from revision 1 once the old one is deleted, sent or wiped", async () => {
    const first = draft("bourse-scolaire", "2026-11-30T01:00:00Z");
    await saveDraft(first);
    await deleteDraft("bourse-scolaire");
    await saveDraft(first);
    await recordRequest(
      {
        id: "22222222-0000-4000-8000-000000000000",
        flowId: "bourse-scolaire",
        flowVersion: 1,
        answers: {},
        createdAt: "2026-11-30T01:05:00Z",
        provisionalReference: provisionalReference("22222222-0000-4000-8000-000000000000"),
        status: "ready",
      },
      "bourse-scolaire",
    );
    await saveDraft(first);
    await wipeAll();
    await saveDraft({ ...first, answers: { income: 7 } });
    expect((await loadDraft("bourse-scolaire"))?.answers).toEqual({ income: 7 });
  });

  it("keeps the bytes of a document apart from the answers", async () => {
    const ref = await storeFile(new Blob(["%PDF-1.7 test"]), "avis.pdf", "application/pdf");
    expect(ref).toMatchObject({ name: "avis.pdf", type: "application/pdf", size: 13 });
    const stored = await readFile(ref.id);
    expect(await stored?.blob.text()).toBe("%PDF-1.7 test");
    await deleteFile(ref.id);
    expect(await readFile(ref.id)).toBeUndefined();
  });

  it("wipes everything personal in one call", async () => {
    await saveDraft(draft("bourse-scolaire", "2026-11-30T01:00:00Z"));
    const file = await storeFile(new Blob(["x"]), "x.jpg", "image/jpeg");
    await wipeAll();
    expect(await listDrafts()).toEqual([]);
    expect(await readFile(file.id)).toBeUndefined();
    expect(await listRequests()).toEqual([]);
  });
});
