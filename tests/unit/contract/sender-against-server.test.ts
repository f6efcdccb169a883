// @vitest-environment happy-dom
/**
 * The API contract, checked from both ends at once: the browser's own sender and HTTP transport
 * (tus-js-client's browser build over happy-dom's XMLHttpRequest, fetch for the PUT) send a
 * request with its documents to the real server, in its own process on loopback, and each side
 * reads what the other wrote. A change to one side's idea of the contract fails here.
 */
import { describe, expect, it, vi } from "vitest";
import { provisionalReference, type RequestRecord } from "../../../src/app/storage/requests";
import { httpTransport } from "../../../src/app/sync/http-transport";
import { type DeviceFiles, sendRequest } from "../../../src/app/sync/send-request";
import { apiPaths } from "../../../src/shared/api/paths";
import { parseReceipt } from "../../../src/shared/api/submission";
import { isDocumentRef } from "../../../src/shared/engine/validate";
import { documentBytes } from "../server/support/documents";
import { example } from "../server/support/examples";
import { pageOnServer } from "./page-on-server";

// The build a browser gets (package.json "browser" field, as Vite resolves it for the app), not
// the Node one vitest would pick: it uploads a Blob over XMLHttpRequest like the phone does.
vi.mock("tus-js-client", () => import("tus-js-client/lib.esm/browser/index.js" as string));

pageOnServer("contract");

/** The device's files, in memory: the storage module is not part of the API contract. */
function deviceFiles(): DeviceFiles & { readonly blobs: Map<string, Blob> } {
  const blobs = new Map<string, Blob>();
  return {
    blobs,
    readFile: async (id) => blobs.get(id),
    rememberUpload: async () => undefined,
    forgetUpload: async () => undefined,
  };
}

/** The example's document references, each replaced by a small file of that type on the device. */
function withDeviceFiles(value: unknown, files: Map<string, Blob>): unknown {
  if (isDocumentRef(value)) {
    // Small files: the contract does not depend on size, and happy-dom reports progress per few bytes.
    const blob = new Blob([documentBytes(value.type, 2048, files.size + 1)], { type: value.type });
    const id = crypto.randomUUID();
    files.set(id, blob);
    return { ...value, id, size: blob.size };
  }
  if (Array.isArray(value)) return value.map((item) => withDeviceFiles(item, files));
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withDeviceFiles(item, files)]),
    );
  return value;
}

function finishedRequest(flowVersion: number, files: ReturnType<typeof deviceFiles>): RequestRecord {
  const { flowId, answers } = example("bourse-scolaire", "several-children");
  const id = crypto.randomUUID();
  return {
    id,
    flowId,
    flowVersion,
    answers: withDeviceFiles(answers, files.blobs) as RequestRecord["answers"],
    createdAt: new Date().toISOString(),
    provisionalReference: provisionalReference(id),
    status: "ready",
  };
}

describe("the browser's sender and the server agree on the API", () => {
  it("sends a request with its documents, and both sides hold the same receipt", async () => {
    const files = deviceFiles();
    const request = finishedRequest(1, files);
    const { id } = request;
    const outcome = await sendRequest(request, httpTransport, files);
    expect(files.blobs.size).toBeGreaterThan(1);
    if (outcome.kind !== "sent") throw new Error(`not sent: ${JSON.stringify(outcome)}`);

    const response = await fetch(apiPaths.submission(id));
    expect(response.status).toBe(200);
    const receipt = parseReceipt(await response.json());
    expect(receipt).toMatchObject({ id, reference: outcome.reference, receivedAt: outcome.receivedAt });
    expect(receipt?.reference).toMatch(/^BS-\d{4}-\d{6}$/);
  });

  it("names the procedure's version with each document, which the server checks it against", async () => {
    const files = deviceFiles();
    const outcome = await sendRequest(finishedRequest(99, files), httpTransport, files);
    expect(outcome).toEqual({ kind: "problem", code: "unknown_flow" });
  });
});
