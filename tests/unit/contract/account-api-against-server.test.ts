// @vitest-environment happy-dom
/**
 * The account's side of the API contract, from both ends at once: the browser's own account
 * module (src/app/sync/account-api.ts, fetch under happy-dom) against the real server in its
 * own process on loopback. It signs in with a code read from the server's outbox, sends requests
 * with the browser's sender (one before signing in, one after), attaches the first by its
 * receipt, reads the account's list and one status, then signs out. A change to either side's
 * idea of the contract fails here.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { readDraftSync } from "../../../src/app/storage/draft-sync";
import {
  type DraftRecord,
  deleteDraft,
  listDrafts,
  loadDraft,
  saveDraft,
} from "../../../src/app/storage/drafts";
import { provisionalReference, type RequestRecord } from "../../../src/app/storage/requests";
import {
  AccountApiError,
  attachRequests,
  checkCode,
  fetchAccount,
  fetchAccountRequests,
  fetchRequestStatus,
  fetchSessions,
  fetchSignInOptions,
  requestCode,
  signOut,
} from "../../../src/app/sync/account-api";
import {
  deleteAccountDraft,
  fetchAccountDraft,
  fetchAccountDrafts,
  saveAccountDraft,
} from "../../../src/app/sync/account-drafts-api";
import {
  accountFreeDrafts,
  attachDrafts,
  draftGone,
  pullAccountDrafts,
  pushDraft,
  resolveConflict,
} from "../../../src/app/sync/draft-sync";
import { httpTransport } from "../../../src/app/sync/http-transport";
import { type DeviceFiles, sendRequest } from "../../../src/app/sync/send-request";
import { isDocumentRef } from "../../../src/shared/engine/validate";
import { documentBytes } from "../server/support/documents";
import { example } from "../server/support/examples";
import { codeSentTo as codeFromOutbox } from "./code-from-outbox";
import { pageOnServer } from "./page-on-server";

vi.mock("tus-js-client", () => import("tus-js-client/lib.esm/browser/index.js" as string));

const site = pageOnServer("account-contract", { localhost: true });

const codeSentTo = (address: string) => codeFromOutbox(site.dataDir, address, () => site.server.output());

/** The device's files, in memory: the storage module is not part of the API contract. */
const blobs = new Map<string, Blob>();
const files: DeviceFiles = {
  readFile: async (id) => blobs.get(id),
  rememberUpload: async () => undefined,
  forgetUpload: async () => undefined,
};

/** A finished request as the device records it, each document a small file of its type. */
function finished(): RequestRecord {
  const { flowId, answers } = example("aide-medicale", "eligible-single");
  const id = crypto.randomUUID();
  const withFiles = JSON.parse(JSON.stringify(answers), (_key, value: unknown) => {
    if (!isDocumentRef(value)) return value;
    const blob = new Blob([documentBytes(value.type, 2048, blobs.size + 1)], { type: value.type });
    const fileId = crypto.randomUUID();
    blobs.set(fileId, blob);
    return { ...value, id: fileId, size: blob.size };
  }) as RequestRecord["answers"];
  return {
    id,
    flowId,
    flowVersion: 1,
    answers: withFiles,
    createdAt: new Date().toISOString(),
    provisionalReference: provisionalReference(id),
    status: "ready",
  };
}

/** A school-grant draft on this device, at its first revision. */
const aDraft = (): DraftRecord => ({
  id: crypto.randomUUID(),
  flowId: "bourse-scolaire",
  flowVersion: 1,
  answers: { applicantFirstName: "Marie" },
  step: "applicant",
  progress: { step: 2, total: 12 },
  updatedAt: new Date().toISOString(),
  owner: null,
  revision: 1,
});

describe("the browser's account module and the server agree on the API", () => {
  it("signs in, attaches a request sent before, lists both with their status, and signs out", async () => {
    expect(await fetchSignInOptions()).toEqual({ ncConnect: false });
    expect(await fetchAccount()).toBeUndefined();

    const first = finished();
    const before = await sendRequest(first, httpTransport, files);
    if (before.kind !== "sent") throw new Error(`not sent: ${JSON.stringify(before)}`);

    const address = "contract@example.nc";
    const sent = await requestCode(address, "fr");
    expect(sent.channel).toBe("email");
    const account = await checkCode(sent.attemptId, await codeSentTo(address));
    expect(account.signIn).toEqual({ method: "code", channel: "email", address });
    expect((await fetchAccount())?.id).toBe(account.id);
    expect((await fetchSessions()).map((s) => s.current)).toEqual([true]);

    // Sent while signed in: the account's at once.
    const request = finished();
    const after = await sendRequest(request, httpTransport, files);
    if (after.kind !== "sent") throw new Error(`not sent: ${JSON.stringify(after)}`);
    expect((await fetchAccountRequests()).map((r) => r.id)).toEqual([request.id]);

    const attached = await attachRequests([{ id: first.id, reference: before.reference }]);
    expect(attached.results.map((r) => r.outcome)).toEqual(["attached"]);
    const list = await fetchAccountRequests();
    expect(list.map((r) => r.reference).sort()).toEqual([before.reference, after.reference].sort());
    expect(await fetchRequestStatus(request.id)).toMatchObject({
      id: request.id,
      reference: after.reference,
      sentAt: after.receivedAt,
      status: "received",
    });

    await signOut();
    expect(await fetchAccount()).toBeUndefined();
    await expect(fetchAccountRequests()).rejects.toEqual(new AccountApiError("not_signed_in"));
    // An account's request is not read by its id once signed out.
    await expect(fetchRequestStatus(request.id)).rejects.toEqual(new AccountApiError("not_found"));
    // Signing out closes the account drafts' sessions (wizard/draft-sessions.ts): its first import here is slow.
  }, 20_000);

  it("keeps a draft in the account, refuses a save from a stale revision with the server's copy, and deletes it", async () => {
    const address = "drafts-contract@example.nc";
    const sent = await requestCode(address, "fr");
    await checkCode(sent.attemptId, await codeSentTo(address));
    const id = crypto.randomUUID();
    const body = (baseRevision: number, name: string) => ({
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: { applicantName: name },
      step: null,
      baseRevision,
      documents: [],
    });

    const first = await saveAccountDraft(id, body(0, "Ana"));
    expect(first).toMatchObject({ kind: "saved", draft: { id, revision: 1 } });
    expect(await saveAccountDraft(id, body(1, "Ana Kaloï"))).toMatchObject({ draft: { revision: 2 } });
    expect(await saveAccountDraft(id, body(1, "Ana K."))).toMatchObject({
      kind: "conflict",
      server: { revision: 2, answers: { applicantName: "Ana Kaloï" } },
    });
    expect((await fetchAccountDrafts()).map((d) => d.id)).toEqual([id]);
    expect((await fetchAccountDraft(id)).revision).toBe(2);

    await deleteAccountDraft(id);
    await deleteAccountDraft(id);
    expect(await saveAccountDraft(id, body(2, "Ana"))).toEqual({ kind: "gone" });
    expect(await fetchAccountDrafts()).toEqual([]);
    await signOut();
  });

  it("pushes a device's draft, keeps both copies when another device saved first, and pulls the account's drafts", async () => {
    const address = "draft-sync-contract@example.nc";
    const local = aDraft();
    // Started signed out, then the person signs in and accepts to keep it in the account.
    await saveDraft(local);
    const sent = await requestCode(address, "fr");
    await checkCode(sent.attemptId, await codeSentTo(address));
    expect((await accountFreeDrafts()).map((d) => d.id)).toContain(local.id);
    expect(await attachDrafts([local.id])).toEqual(["saved"]);
    expect((await accountFreeDrafts()).map((d) => d.id)).not.toContain(local.id);
    expect(await pushDraft(local.id)).toBe("unchanged");
    expect(await fetchAccountDraft(local.id)).toMatchObject({ revision: 1, step: "applicant" });

    // The phone, offline with revision 1 too, saved first once back online.
    const body = { flowId: "bourse-scolaire", flowVersion: 1, step: "applicant", documents: [] };
    await saveAccountDraft(local.id, { ...body, answers: { applicantFirstName: "Maria" }, baseRevision: 1 });
    await saveDraft({ ...local, answers: { applicantFirstName: "Marie-Claire" }, revision: 2 });
    expect(await pushDraft(local.id)).toBe("conflict");
    expect((await readDraftSync(local.id))?.conflict?.answers).toEqual({ applicantFirstName: "Maria" });
    // Nothing was overwritten on either side while the person has not chosen.
    expect((await loadDraft(local.id))?.answers).toEqual({ applicantFirstName: "Marie-Claire" });
    expect((await fetchAccountDraft(local.id)).answers).toEqual({ applicantFirstName: "Maria" });

    const copyId = await resolveConflict(local.id, "both");
    expect(copyId).not.toBe(local.id);
    expect((await listDrafts("bourse-scolaire")).map((d) => d.answers.applicantFirstName).sort()).toEqual([
      "Maria",
      "Marie-Claire",
    ]);
    // The copy goes to the account as a draft of its own (already on its way, or now).
    await pushDraft(copyId ?? "");
    expect((await fetchAccountDraft(copyId ?? "")).answers).toEqual({ applicantFirstName: "Marie-Claire" });

    // A draft started on another device comes in with its answers and step.
    const elsewhere = crypto.randomUUID();
    await saveAccountDraft(elsewhere, { ...body, answers: { applicantFirstName: "Tein" }, baseRevision: 0 });
    expect(await pullAccountDrafts()).toEqual({ changed: [elsewhere], removed: [], conflicts: [] });
    expect(await loadDraft(elsewhere)).toMatchObject({
      answers: { applicantFirstName: "Tein" },
      step: "applicant",
    });
    expect(await pullAccountDrafts()).toEqual({ changed: [], removed: [], conflicts: [] });
    await signOut();
  });

  it("a draft sent while its last push is on its way leaves the account, and is not brought back", async () => {
    const address = "draft-gone-contract@example.nc";
    const sent = await requestCode(address, "fr");
    await checkCode(sent.attemptId, await codeSentTo(address));
    const draft = aDraft();
    await saveDraft(draft);
    expect(await attachDrafts([draft.id])).toEqual(["saved"]);
    await saveDraft({ ...draft, answers: { applicantFirstName: "Marie-Claire" }, revision: 2 });

    // A slow network: each save reaches the server late, as on prepaid data.
    const realFetch = globalThis.fetch;
    const answered: string[] = [];
    const slowSaves = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      if (init?.method === "PUT") await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await realFetch(input, init);
      answered.push(`${init?.method ?? "GET"} ${response.status}`);
      return response;
    });
    try {
      const push = pushDraft(draft.id);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await deleteDraft(draft.id);
      await Promise.all([push, draftGone(draft.id)]);
    } finally {
      slowSaves.mockRestore();
    }

    expect(answered).toEqual(["PUT 200", "DELETE 204"]);
    expect(await fetchAccountDrafts()).toEqual([]);
    expect(await readDraftSync(draft.id)).toBeUndefined();
    await signOut();
  });
});
