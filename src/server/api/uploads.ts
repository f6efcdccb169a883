/**
 * Documents arrive through tus 1.0 under /api/uploads/ (@tus/server): creation,
 * creation-with-upload, expiration and termination. A cut connection resumes from the offset the
 * server reports, so no confirmed byte is sent twice. Checksums per request are not offered: the
 * file store does not support the extension; the whole file's sha256 is checked at submission.
 *
 * Upload-Metadata carries flowId, fieldId (the field's id or its answer path) and filetype; the
 * length is required and bounded by the field's maxBytes. The creation answers the upload's
 * address with a key, /api/uploads/<id>/<key> (documents/upload-capability.ts): HEAD, PATCH and
 * DELETE need it, and are answered 404 without it. Metadata is never echoed (it names the file). When the last byte arrives, the type is
 * read from the content: a refused document is deleted and the client gets 415 document_type, or
 * 415 document_unsafe for a PDF with active content or encryption. A photo is re-encoded
 * (documents/image-cleaning.ts): 415 document_unreadable when it cannot be decoded (or is HEIC),
 * 413 document_too_many_pixels for a decompression bomb. Before tus sees a creation,
 * the client's limits are checked (documents/upload-limits.ts): 429 too_many_uploads with
 * Retry-After, 413 upload_quota_reached, or 507 storage_full when the disk is nearly full.
 */
import { Server as TusServer, type Upload } from "@tus/server";
import type { Context } from "hono";
import { MESSAGE_ATTACHMENT_MAX_BYTES } from "../../shared/api/message-attachments";
import { apiPaths, uploadIdOfUrl } from "../../shared/api/paths";
import { UPLOAD_ID } from "../../shared/api/submission";
import type { Flow } from "../../shared/flow/schema";
import { type FinishedUploadDeps, settleFinishedUpload, uploadFlow } from "../documents/finished-upload";
import { holdsKey, KEY_DIGEST_METADATA, keyDigest, newCapabilityKey } from "../documents/upload-capability";
import { uploadField } from "../documents/upload-field";
import { refusalOfCreation } from "../documents/upload-limits";
import type { FlowRegistry } from "../flows/flow-registry";
import type { ApiServices } from "../services";
import { clientKey } from "./client-key";
import { apiError, type ErrorCode, errorBody } from "./errors";

export const UPLOADS_PATH = apiPaths.uploads;

/** What a tus hook throws to answer with its own status and our JSON error. */
const refuse = (status_code: number, code: ErrorCode) => ({ status_code, body: errorBody(code) });

export function uploads(services: ApiServices) {
  const deps: FinishedUploadDeps = services;
  // The key made for each creation, and the client making it, from the request to the hooks.
  const creations = new WeakMap<Request, { key: string; client: string }>();
  const creationOf = (request: Request) => {
    const creation = creations.get(request);
    if (creation === undefined) throw new Error("An upload was created without a key.");
    return creation;
  };
  const keyOf = (request: Request): string => creationOf(request).key;
  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: services.documents.tusStore,
    // Relative: behind a TLS proxy the server sees http, and must not point the client there.
    generateUrl: (request, { path, id }) => `${path}/${id}/${keyOf(request)}`,
    // The last segment of an upload's address is its key; the id comes before it.
    getFileIdFromRequest: (request) => uploadIdOfUrl(new URL(request.url).pathname),
    // Same origin only: the app and the API are served together.
    allowedOrigins: [],
    // A finished document is the citizen's: it is removed by the server's own rules, not by a DELETE.
    disableTerminationForFinishedUploads: true,
    maxSize: largestDocument(services.flows),
    async onUploadCreate(request, upload) {
      checkCreation(services.flows, upload);
      await services.uploadClients.record(upload.id, creationOf(request).client, upload.size ?? 0);
      return { metadata: { ...upload.metadata, [KEY_DIGEST_METADATA]: keyDigest(keyOf(request)) } };
    },
    async onUploadFinish(_request, upload) {
      const record = await settleFinishedUpload(deps, {
        id: upload.id,
        size: upload.size ?? upload.offset,
        offset: upload.offset,
        metadata: upload.metadata ?? {},
      });
      if (record.status === "rejected") throw refuse(415, "document_type");
      if (record.status === "unsafe") throw refuse(415, "document_unsafe");
      if (record.status === "unreadable") throw refuse(415, "document_unreadable");
      if (record.status === "too_many_pixels") throw refuse(413, "document_too_many_pixels");
      return {};
    },
    onResponseError(request, error) {
      if (error instanceof Error) console.error(`${request.method} ${UPLOADS_PATH} failed: ${error.message}`);
      return undefined;
    },
  });

  return async (c: Context) => {
    const id = c.req.param("id");
    const method = c.req.method;
    // tus can serve finished files back; citizens' documents are not readable through the API.
    // An upload is created on the collection, and only resumed or cancelled at its address.
    const allowed = id === undefined ? ["OPTIONS", "POST"] : ["OPTIONS", "HEAD", "PATCH", "DELETE"];
    if (!allowed.includes(method)) {
      c.header("Allow", allowed.join(", "));
      return apiError(c, 405, "method_not_allowed");
    }
    // Concatenation and deferred lengths are not offered: tus itself would answer 501, which
    // tells the person to retry later; the client sent something this server never takes.
    if (c.req.header("Upload-Concat") !== undefined || c.req.header("Upload-Defer-Length") !== undefined)
      return apiError(c, 400, "invalid_upload");
    if (method === "POST") {
      const client = clientKey(c);
      const refused = await refusalOfCreation(services, services.uploadLimits, {
        clientKey: client,
        size: announcedLength(c.req.header("Upload-Length")),
      });
      if (refused?.kind === "too_many_uploads") {
        c.header("Retry-After", String(refused.retryAfterSeconds));
        return apiError(c, 429, "too_many_uploads");
      }
      if (refused?.kind === "upload_quota_reached") return apiError(c, 413, "upload_quota_reached");
      if (refused?.kind === "storage_full") return apiError(c, 507, "storage_full");
      creations.set(c.req.raw, { key: newCapabilityKey(), client });
    } else if (id !== undefined && method !== "OPTIONS") {
      // Unknown, or known without its key: the same 404, so ids cannot be probed.
      const upload = UPLOAD_ID.test(id) ? await services.documents.inspect(id) : undefined;
      if (!holdsKey(upload?.metadata, c.req.param("key") ?? "")) return apiError(c, 404, "upload_not_found");
    }
    return asApiResponse(await tus.handleWeb(c.req.raw));
  };
}

/** What the limits count before tus reads the header; tus itself refuses a bad or missing one. */
function announcedLength(header: string | undefined): number {
  const length = Number(header);
  return Number.isSafeInteger(length) && length > 0 ? length : 0;
}

function checkCreation(flows: FlowRegistry, upload: Upload): void {
  const metadata = upload.metadata ?? {};
  const flow: Flow | undefined = uploadFlow(flows, { metadata });
  if (!flow) throw refuse(400, "unknown_flow");
  const field = uploadField(flow, metadata.fieldId ?? "");
  if (!field) throw refuse(400, "unknown_field");
  if (!(field.accept as readonly (string | null | undefined)[]).includes(metadata.filetype))
    throw refuse(415, "document_type");
  if (upload.size === undefined) throw refuse(400, "invalid_upload");
  if (upload.size > field.maxBytes) throw refuse(413, "document_too_large");
}

function largestDocument(flows: FlowRegistry): number {
  let largest = MESSAGE_ATTACHMENT_MAX_BYTES;
  for (const { id } of flows.list()) {
    const flow = flows.current(id);
    for (const step of flow?.steps ?? []) {
      if (!("fields" in step)) continue;
      for (const field of step.fields) {
        const inner = field.type === "group" ? field.fields : [field];
        for (const f of inner) if (f.type === "document") largest = Math.max(largest, f.maxBytes);
      }
    }
  }
  return largest;
}

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  404: "upload_not_found",
  409: "upload_offset_conflict",
  410: "upload_expired",
  413: "document_too_large",
  415: "document_type",
};

/** tus answers errors in plain text; the API answers JSON, and nothing about an upload is cached. */
async function asApiResponse(response: Response): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set("Cache-Control", "no-store");
  // HEAD echoes the metadata: the person's file name, and the key's digest.
  headers.delete("Upload-Metadata");
  if (response.status < 400) return new Response(response.body, { status: response.status, headers });
  const text = await response.text();
  const ours = text.startsWith('{"error":');
  const code =
    STATUS_CODES[response.status] ?? (response.status >= 500 ? "internal_error" : "invalid_upload");
  headers.set("Content-Type", "application/json; charset=UTF-8");
  headers.delete("Content-Length");
  return new Response(ours ? text : errorBody(code), { status: response.status, headers });
}
