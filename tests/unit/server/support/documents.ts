/**
 * Documents for tests: bytes of each accepted type (the right magic bytes, padded to the size the
 * answers announce), uploaded through the real tus endpoint, and the `documents` list of a body.
 */
import { createHash } from "node:crypto";
import type { Hono } from "hono";
import { uploadIdOfUrl } from "../../../../src/shared/api/paths";
import type { DocumentEntry } from "../../../../src/shared/api/submission";
import { isDocumentRef } from "../../../../src/shared/engine/validate";

/** Whole small images (8×8, made with sharp): the server decodes and re-encodes photos. */
const IMAGES: Readonly<Record<string, string>> = {
  "image/jpeg":
    "/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABv/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIAB6Ev/2Q==",
  "image/png":
    "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEUlEQVQImWPQqDiBFTEMLQkAAtVaAdp8aMgAAAAASUVORK5CYII=",
  "image/webp":
    "UklGRjwAAABXRUJQVlA4IDAAAADwAQCdASoIAAgAAUAmJaACdLoB+AAETAAA/uxw3/0mzxNnibPkkf/OwbEu14AAAAA=",
};

/** The start of each type: a whole image for photos, the magic bytes otherwise. */
const HEADS: Readonly<Record<string, readonly number[]>> = {
  ...Object.fromEntries(
    Object.entries(IMAGES).map(([type, base64]) => [type, [...Buffer.from(base64, "base64")]]),
  ),
  "image/heic": [0, 0, 0, 0x18, ...Buffer.from("ftypheic")],
  "application/pdf": [...Buffer.from("%PDF-1.7\n")],
};

/**
 * `size` bytes that start like a file of `type` (a photo: a whole image, the rest after its
 * end, which the server's re-encoding drops); `seed` makes each document's bytes (and digest) unique.
 */
export function documentBytes(type: string, size: number, seed = 0): Uint8Array<ArrayBuffer> {
  const head = HEADS[type];
  if (!head) throw new Error(`No test bytes for ${type}`);
  const bytes = new Uint8Array(size);
  bytes.set(head.slice(0, size));
  for (let i = head.length; i < size; i++) bytes[i] = (i * 31 + seed * 7) % 251;
  new DataView(bytes.buffer).setUint32(Math.max(0, Math.min(size - 4, head.length)), seed);
  return bytes;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export const TUS = { "Tus-Resumable": "1.0.0" } as const;

export function uploadMetadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

/** The upload id in the address a creation answered (/api/uploads/<id>/<key>). */
export const uploadIdOf = (response: Response): string =>
  uploadIdOfUrl(response.headers.get("Location") ?? "") ?? "";

/** The app in process (Hono's app.request) or a server process over HTTP: what uploads are sent to. */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** POST with the whole content (creation-with-upload); returns the response, upload id and address. */
export async function uploadWhole(
  app: Requester,
  metadata: Record<string, string>,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<{ response: Response; uploadId: string; location: string }> {
  const response = await app.request("/api/uploads", {
    method: "POST",
    headers: {
      ...TUS,
      "Upload-Length": String(bytes.byteLength),
      "Upload-Metadata": uploadMetadata(metadata),
      "Content-Type": "application/offset+octet-stream",
    },
    body: bytes,
  });
  return { response, uploadId: uploadIdOf(response), location: response.headers.get("Location") ?? "" };
}

/** POST to create, then one PATCH with the content; returns the upload id, checking the PATCH's status. */
export async function uploadInTwoSteps(
  server: { app: Hono },
  metadata: Record<string, string>,
  bytes: Uint8Array<ArrayBuffer>,
  expectedStatus = 204,
): Promise<string> {
  const created = await server.app.request("/api/uploads", {
    method: "POST",
    headers: {
      ...TUS,
      "Upload-Length": String(bytes.byteLength),
      "Upload-Metadata": uploadMetadata(metadata),
    },
  });
  if (created.status !== 201) throw new Error(`Creation failed: ${created.status} ${await created.text()}`);
  const patched = await server.app.request(created.headers.get("Location") ?? "", {
    method: "PATCH",
    headers: { ...TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    body: bytes,
  });
  if (patched.status !== expectedStatus)
    throw new Error(`PATCH answered ${patched.status}: ${await patched.text()}`);
  return uploadIdOf(created);
}

let seed = 1;

/**
 * Uploads one file for every document reference in the answers and returns the body's
 * `documents` list. By default the body is built as the app builds it (src/app/sync): each
 * reference's id becomes its upload id and `fieldId` is the field's id. With `keepDeviceIds`,
 * the answers keep the device's ids and `fieldId` is the answer path (paired by field and order).
 * With `size`, the references are first changed to that size (still a valid request).
 */
export async function uploadDocumentsOf(
  app: Requester,
  flowId: string,
  answers: Record<string, unknown>,
  options: { size?: number; keepDeviceIds?: boolean } = {},
): Promise<{ answers: Record<string, unknown>; documents: DocumentEntry[] }> {
  const resized = options.size === undefined ? answers : resizeDocuments(answers, options.size);
  const documents: DocumentEntry[] = [];
  const uploadIds = new Map<string, string>();
  for (const [path, refs] of documentRefs(resized)) {
    for (const ref of refs) {
      const bytes = documentBytes(ref.type, ref.size, seed++);
      const fieldId = path.split(".").pop() ?? path;
      const { response, uploadId } = await uploadWhole(app, { flowId, fieldId, filetype: ref.type }, bytes);
      if (response.status !== 201)
        throw new Error(`Upload failed: ${response.status} ${await response.text()}`);
      uploadIds.set(ref.id, uploadId);
      documents.push({
        fieldId: options.keepDeviceIds ? path : fieldId,
        uploadId,
        sha256: sha256(bytes),
        size: ref.size,
        type: ref.type,
      });
    }
  }
  if (options.keepDeviceIds) return { answers: resized, documents };
  const swapped = JSON.parse(JSON.stringify(resized), (_key, value: unknown) =>
    isDocumentRef(value) ? { ...value, id: uploadIds.get(value.id) ?? value.id } : value,
  ) as Record<string, unknown>;
  return { answers: swapped, documents };
}

type Ref = { id: string; name: string; type: string; size: number };

/** [answer path, refs] for every list of document references, top level and in group items. */
export function documentRefs(answers: Record<string, unknown>): [string, Ref[]][] {
  const found: [string, Ref[]][] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (!Array.isArray(value) || value.length === 0) continue;
    if (value.every(isDocumentRef)) found.push([key, value as Ref[]]);
    else
      value.forEach((item, index) => {
        if (typeof item !== "object" || item === null) return;
        for (const [sub, inner] of Object.entries(item as Record<string, unknown>))
          if (Array.isArray(inner) && inner.length > 0 && inner.every(isDocumentRef))
            found.push([`${key}.${index}.${sub}`, inner as Ref[]]);
      });
  }
  return found;
}

function resizeDocuments(answers: Record<string, unknown>, size: number): Record<string, unknown> {
  return JSON.parse(JSON.stringify(answers), (_key, value: unknown) =>
    isDocumentRef(value) ? { ...value, size } : value,
  ) as Record<string, unknown>;
}
