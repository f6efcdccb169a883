import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import type { RequestRecord } from "../../../../src/app/storage/requests";
import { retryDelay } from "../../../../src/app/sync/backoff";
import { documentsOf, withUploadIds } from "../../../../src/app/sync/documents-of";
import {
  type DeviceFiles,
  type Reply,
  sendRequest,
  type Transport,
  TransportError,
  type UploadInput,
} from "../../../../src/app/sync/send-request";
import type { SubmissionBody } from "../../../../src/shared/api/submission";

const photo = { id: "dev-1", name: "livret.jpg", type: "image/jpeg", size: 4 };
const pdf = { id: "dev-2", name: "avis.pdf", type: "application/pdf", size: 3 };
const request = (): RequestRecord => ({
  id: "7f3a91c2-0000-4000-8000-000000000000",
  flowId: "bourse-scolaire",
  flowVersion: 1,
  answers: { taxNoticeFile: [pdf], children: [{ firstName: "Léa", birthCertificate: [photo] }] },
  createdAt: "2026-11-30T01:00:00Z",
  provisionalReference: "7F3A-91C2",
  status: "ready",
});

/** A device whose files and upload notes live in memory, like the storage module's. */
function device(): DeviceFiles & { uploads: Map<string, { url: string; done: boolean }> } {
  const blobs = new Map([
    ["dev-1", new Blob(["jpeg"])],
    ["dev-2", new Blob(["pdf"])],
  ]);
  const uploads = new Map<string, { url: string; done: boolean }>();
  return {
    uploads,
    readFile: async (id) => blobs.get(id),
    rememberUpload: async (_, fileId, upload) => void uploads.set(fileId, upload),
    forgetUpload: async (_, fileId) => void uploads.delete(fileId),
  };
}

/** A server that follows the API's contract for what these tests need. */
function server(replies: Reply[] = []) {
  const calls: { uploads: UploadInput[]; puts: SubmissionBody[] } = { uploads: [], puts: [] };
  let next = 0;
  const transport: Transport = {
    async upload(input) {
      calls.uploads.push(input);
      const url = input.resumeUrl ?? `/api/uploads/up-${++next}`;
      await input.onStarted(url);
      input.onProgress(1);
      return url;
    },
    async putSubmission(id, body) {
      calls.puts.push(body);
      return (
        replies.shift() ?? {
          status: 201,
          body: { id, reference: "BS-2026-000123", receivedAt: "2026-11-30T01:02:00Z", status: "received" },
        }
      );
    },
  };
  return { transport, calls };
}

afterEach(() => undefined);

describe("sending one request", () => {
  it("uploads each document, then sends the answers pointing to the uploads", async () => {
    const { transport, calls } = server();
    const files = device();
    const outcome = await sendRequest(request(), transport, files);
    expect(outcome).toEqual({
      kind: "sent",
      reference: "BS-2026-000123",
      receivedAt: "2026-11-30T01:02:00Z",
    });
    expect(calls.uploads.map((u) => [u.fieldId, u.name])).toEqual([
      ["taxNoticeFile", "avis.pdf"],
      ["birthCertificate", "livret.jpg"],
    ]);
    const [body] = calls.puts;
    expect(body?.answers).toEqual({
      taxNoticeFile: [{ ...pdf, id: "up-1" }],
      children: [{ firstName: "Léa", birthCertificate: [{ ...photo, id: "up-2" }] }],
    });
    expect(body?.documents.map((d) => [d.fieldId, d.uploadId, d.size])).toEqual([
      ["taxNoticeFile", "up-1", 3],
      ["birthCertificate", "up-2", 4],
    ]);
    expect(body?.documents[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("resumes an upload the server already named instead of starting it again", async () => {
    const { transport, calls } = server();
    const files = device();
    const interrupted = { ...request(), uploads: { "dev-2": { url: "/api/uploads/up-9", done: false } } };
    await sendRequest(interrupted, transport, files);
    expect(calls.uploads[0]?.resumeUrl).toBe("/api/uploads/up-9");
  });

  it("does not upload again a document the server confirmed", async () => {
    const { transport, calls } = server();
    const done = {
      ...request(),
      uploads: { "dev-2": { url: "/api/uploads/up-7", done: true, sha256: "a".repeat(64) } },
    };
    await sendRequest(done, transport, device());
    expect(calls.uploads.map((u) => u.name)).toEqual(["livret.jpg"]);
    expect(calls.puts[0]?.documents[0]).toMatchObject({ uploadId: "up-7", sha256: "a".repeat(64) });
  });

  it.each([
    ["no network", () => Promise.reject(new TransportError(undefined)), { kind: "retry" }],
    ["a server error", () => Promise.resolve({ status: 503, body: null }), { kind: "retry" }],
    [
      "answers the flow no longer accepts",
      () =>
        Promise.resolve({
          status: 422,
          body: {
            error: {
              code: "invalid_answers",
              message: "…",
              fields: [{ path: "income", code: "required", message: "…" }],
            },
          },
        }),
      { kind: "problem", code: "invalid_answers", fields: [{ path: "income", code: "required" }] },
    ],
    [
      "an unknown flow",
      () => Promise.resolve({ status: 422, body: { error: { code: "unknown_flow", message: "…" } } }),
      { kind: "problem", code: "unknown_flow" },
    ],
  ])("after %s, says what to do next", async (_, reply, expected) => {
    const { transport } = server();
    transport.putSubmission = reply as Transport["putSubmission"];
    expect(await sendRequest(request(), transport, device())).toEqual(expected);
  });

  it("uploads every document again when the server does not have them as sent", async () => {
    const { transport } = server([
      { status: 409, body: { error: { code: "document_mismatch", message: "…" } } },
    ]);
    const files = device();
    expect(await sendRequest(request(), transport, files)).toEqual({ kind: "retry" });
    expect(files.uploads.size).toBe(0);
  });

  it.each([
    [429, "too_many_uploads", { kind: "retry" }],
    [413, "upload_quota_reached", { kind: "retry" }],
    [507, "storage_full", { kind: "retry" }],
    [413, "document_too_large", { kind: "problem", code: "document_too_large" }],
  ])("after an upload refused %i %s, says what to do next", async (status, code, expected) => {
    const files = device();
    const transport: Transport = {
      async upload() {
        throw new TransportError(status, code);
      },
      putSubmission: () => Promise.reject(new Error("must not be called")),
    };
    expect(await sendRequest(request(), transport, files)).toEqual(expected);
  });

  it("waits for the network when an upload is cut, and remembers where it stopped", async () => {
    const files = device();
    const transport: Transport = {
      async upload(input) {
        await input.onStarted("/api/uploads/up-3");
        throw new TransportError(undefined);
      },
      putSubmission: () => Promise.reject(new Error("must not be called")),
    };
    expect(await sendRequest(request(), transport, files)).toEqual({ kind: "retry" });
    expect(files.uploads.get("dev-2")).toEqual({ url: "/api/uploads/up-3", done: false });
  });
});

describe("the outbox's helpers", () => {
  it("finds documents in repeat items and swaps device ids for upload ids", () => {
    const answers = request().answers;
    expect(documentsOf(answers).map((d) => [d.fieldId, d.ref.id])).toEqual([
      ["taxNoticeFile", "dev-2"],
      ["birthCertificate", "dev-1"],
    ]);
    expect(withUploadIds({ a: [photo] }, new Map([["dev-1", "up-1"]]))).toEqual({
      a: [{ ...photo, id: "up-1" }],
    });
  });

  it("waits longer after each failure, up to five minutes, with jitter", () => {
    expect(retryDelay(0, () => 0)).toBe(1_000);
    expect(retryDelay(0, () => 1)).toBe(2_000);
    expect(retryDelay(3, () => 0.5)).toBe(12_000);
    expect(retryDelay(20, () => 1)).toBe(300_000);
  });
});
