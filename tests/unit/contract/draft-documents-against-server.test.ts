// @vitest-environment happy-dom
/**
 * A signed-in draft's documents, from both ends at once: the browser's sync module (fetch and
 * tus-js-client's browser build under happy-dom, fake IndexedDB) against the real server in its
 * own process. One device pushes a draft with documents (they go up with tus); a second device
 * (the same storage wiped, as a phone that never saw the draft) gets their names, sizes and
 * thumbnails, fetches their bytes, and sends the request without uploading anything again. Then
 * "keep both" after a conflict gives the copy documents of its own.
 */
import "fake-indexeddb/auto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { wipeAll } from "../../../src/app/storage/database";
import { readDraftSync, syncedThumbnail } from "../../../src/app/storage/draft-sync";
import {
  type DraftRecord,
  deleteDraft,
  listDrafts,
  loadDraft,
  saveDraft,
} from "../../../src/app/storage/drafts";
import { readFile, storeFile } from "../../../src/app/storage/files";
import { provisionalReference, readRequest, recordRequest } from "../../../src/app/storage/requests";
import { checkCode, requestCode, signOut } from "../../../src/app/sync/account-api";
import { fetchAccountDraft, saveAccountDraft } from "../../../src/app/sync/account-drafts-api";
import { documentsOf } from "../../../src/app/sync/documents-of";
import { fetchDraftDocuments } from "../../../src/app/sync/draft-documents";
import { pullAccountDrafts, pushDraft, resolveConflict } from "../../../src/app/sync/draft-sync";
import { httpTransport } from "../../../src/app/sync/http-transport";
import { type DeviceFiles, sendRequest } from "../../../src/app/sync/send-request";
import type { Answers } from "../../../src/shared/engine/answers";
import { type DocumentRef, isDocumentRef } from "../../../src/shared/engine/validate";
import { documentBytes } from "../server/support/documents";
import { example } from "../server/support/examples";
import { codeSentTo } from "./code-from-outbox";
import { pageOnServer } from "./page-on-server";

vi.mock("tus-js-client", () => import("tus-js-client/lib.esm/browser/index.js" as string));

/**
 * Fake IndexedDB copies values with Node's structuredClone, which turns happy-dom's Blobs into
 * plain objects; a browser's IndexedDB keeps Blobs. Blobs cannot change, so keeping the same one is
 * as good as a copy.
 */
const cloneKeepingBlobs = (value: unknown): unknown => {
  if (value instanceof Blob || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(cloneKeepingBlobs);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cloneKeepingBlobs(inner)]));
};
globalThis.structuredClone = cloneKeepingBlobs as typeof structuredClone;

const site = pageOnServer("draft-documents", { localhost: true });

async function signInAs(address: string): Promise<void> {
  const sent = await requestCode(address, "fr");
  await checkCode(sent.attemptId, await codeSentTo(site.dataDir, address, () => site.server.output()));
}

/** Uploads the server holds (one directory entry per upload and its metadata). */
const uploadsOnServer = () =>
  readdirSync(join(site.dataDir, "uploads")).filter((name) => !name.includes(".")).length;

const blobOf = (bytes: Uint8Array<ArrayBuffer>, type: string) => new Blob([bytes], { type });

/** The example's answers, each document a file stored on this device (photos with a thumbnail). */
async function answersWithFiles(answers: Answers): Promise<Answers> {
  const stored = new Map<DocumentRef, DocumentRef>();
  const refs: DocumentRef[] = [];
  JSON.stringify(answers, (_key, value: unknown) => {
    if (isDocumentRef(value)) refs.push(value);
    return value;
  });
  for (const [index, ref] of refs.entries()) {
    const blob = blobOf(documentBytes(ref.type, 2048, 40 + index), ref.type);
    const thumbnail = ref.type.startsWith("image/")
      ? blobOf(documentBytes("image/jpeg", 300, 60 + index), "image/jpeg")
      : undefined;
    stored.set(ref, await storeFile(blob, `piece-${index}.${ref.type.split("/")[1]}`, ref.type, thumbnail));
  }
  let next = 0;
  return JSON.parse(JSON.stringify(answers), (_key, value: unknown) => {
    if (!isDocumentRef(value)) return value;
    const ref = refs[next++];
    return ref ? stored.get(ref) : value;
  }) as Answers;
}

function draftOf(flowId: string, answers: Answers, revision = 1): DraftRecord {
  return {
    id: crypto.randomUUID(),
    flowId,
    flowVersion: 1,
    answers,
    step: "contact",
    progress: { step: 8, total: 12 },
    updatedAt: new Date().toISOString(),
    owner: null,
    revision,
  };
}

/** This device's files are not there: a send must not need them. */
const noFiles: DeviceFiles = {
  readFile: async () => undefined,
  rememberUpload: async () => undefined,
  forgetUpload: async () => undefined,
};

describe("a signed-in draft's documents travel with it", () => {
  it("go up from one device, come down on another, and the request is sent from there without a second upload", async () => {
    await signInAs("draft-documents@example.nc");
    const { flowId, answers } = example("aide-medicale", "eligible-single");
    const draft = draftOf(flowId, await answersWithFiles(answers));
    const documents = documentsOf(draft.answers);
    expect(documents.length).toBeGreaterThan(0);
    await saveDraft(draft);

    const before = uploadsOnServer();
    expect(await pushDraft(draft.id)).toBe("saved");
    expect(uploadsOnServer()).toBe(before + documents.length);
    const inAccount = await fetchAccountDraft(draft.id);
    expect(inAccount.documents.map((d) => [d.documentId, d.name, d.size])).toEqual(
      documents.map(({ ref }) => [ref.id, ref.name, ref.size]),
    );
    // Nothing more to do: a second push sends nothing, uploads nothing.
    expect(await pushDraft(draft.id)).toBe("unchanged");
    expect(uploadsOnServer()).toBe(before + documents.length);

    // The phone: the same account, none of this device's storage.
    await wipeAll();
    expect(await pullAccountDrafts()).toMatchObject({ changed: [draft.id] });
    const [first] = documents;
    if (!first) throw new Error("no document");
    expect(await readFile(first.ref.id)).toBeUndefined();
    const photo = documents.find(({ ref }) => ref.type.startsWith("image/"));
    if (photo) expect((await syncedThumbnail(photo.ref.id))?.type).toBe("image/jpeg");

    // Opened on the phone: the bytes come from the account, as they were.
    expect(await fetchDraftDocuments(draft.id)).toBe(documents.length);
    for (const [index, { ref }] of documents.entries()) {
      const fetched = await readFile(ref.id);
      expect(fetched).toMatchObject({ name: ref.name, size: ref.size, type: ref.type });
      // A PDF comes back as it went; a photo as the server re-encoded it.
      if (ref.type === "application/pdf")
        expect(new Uint8Array(await (fetched?.blob ?? new Blob()).arrayBuffer())).toEqual(
          documentBytes(ref.type, 2048, 40 + index),
        );
      else expect(fetched?.blob.size).toBeGreaterThan(0);
    }
    expect(await fetchDraftDocuments(draft.id)).toBe(0);

    // Sent from the phone: the request names the draft's uploads, read from no file, sent once.
    const pulled = await loadDraft(draft.id);
    if (!pulled) throw new Error("not pulled");
    await recordRequest(
      {
        id: draft.id,
        flowId,
        flowVersion: 1,
        answers: pulled.answers,
        createdAt: new Date().toISOString(),
        provisionalReference: provisionalReference(draft.id),
        status: "ready",
      },
      draft.id,
    );
    const request = await readRequest(draft.id);
    expect(Object.keys(request?.uploads ?? {}).sort()).toEqual(documents.map(({ ref }) => ref.id).sort());
    const outcome = await sendRequest(request ?? ({} as never), httpTransport, noFiles);
    expect(outcome).toMatchObject({ kind: "sent" });
    expect(uploadsOnServer()).toBe(before + documents.length);
    await signOut();
  }, 30_000);

  it("keeps both versions after a conflict with documents of their own: deleting the copy leaves the draft's files", async () => {
    await signInAs("draft-documents-both@example.nc");
    const { flowId, answers } = example("aide-medicale", "eligible-single");
    const draft = draftOf(flowId, await answersWithFiles(answers));
    await saveDraft(draft);
    expect(await pushDraft(draft.id)).toBe("saved");
    const server = await fetchAccountDraft(draft.id);

    // Another device saved first; this one changed the draft meanwhile.
    await saveAccountDraft(draft.id, {
      flowId,
      flowVersion: 1,
      answers: { ...server.answers, applicantFirstName: "Maria" },
      step: server.step,
      baseRevision: server.revision,
      documents: server.documents,
    });
    await saveDraft({ ...draft, answers: { ...draft.answers, applicantFirstName: "Marie" }, revision: 2 });
    expect(await pushDraft(draft.id)).toBe("conflict");

    const copyId = (await resolveConflict(draft.id, "both")) ?? "";
    expect(copyId).not.toBe(draft.id);
    const copy = await loadDraft(copyId);
    const own = documentsOf((await loadDraft(draft.id))?.answers ?? {}).map(({ ref }) => ref.id);
    const copied = documentsOf(copy?.answers ?? {}).map(({ ref }) => ref.id);
    expect(copied).toHaveLength(own.length);
    for (const id of copied) {
      expect(own).not.toContain(id);
      expect(await readFile(id)).toBeDefined();
    }
    expect((await listDrafts(flowId)).map((d) => d.answers.applicantFirstName).sort()).toEqual(
      expect.arrayContaining(["Maria", "Marie"]),
    );

    // The copy goes to the account with uploads of its own.
    expect(await pushDraft(copyId)).toMatch(/saved|unchanged/);
    const copySync = await readDraftSync(copyId);
    const draftSync = await readDraftSync(draft.id);
    const uploadIds = new Set(draftSync?.documents.map((d) => d.uploadId));
    expect(copySync?.documents).toHaveLength(copied.length);
    for (const doc of copySync?.documents ?? []) expect(uploadIds.has(doc.uploadId)).toBe(false);

    await deleteDraft(copyId);
    for (const id of own) expect(await readFile(id)).toBeDefined();
    await signOut();
  }, 30_000);
});
