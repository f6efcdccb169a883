/**
 * Documents arrive through tus 1.0 under /api/uploads/ (@tus/server): creation,
 * creation-with-upload, expiration and termination. A cut connection resumes from the offset the
 * server reports, so no confirmed byte is sent twice. Checksums per request are not offered: the
 * file store does not support the extension; the whole file's sha256 is checked at submission.
 *
 * Upload-Metadata carries flowId, fieldId (the field's id or its answer path) and filetype; the
 * length is required and bounded by the field's maxBytes. When the last byte arrives, the type is
 * read from the content: a refused document is deleted and the client gets 415 document_type.
 */
import { Server as TusServer, type Upload } from "@tus/server";
import type { Context } from "hono";
import { apiPaths } from "../../shared/api/paths";
import { UPLOAD_ID } from "../../shared/api/submission";
import type { Flow } from "../../shared/flow/schema";
import { type FinishedUploadDeps, settleFinishedUpload, uploadFlow } from "../documents/finished-upload";
import { documentFieldById } from "../flows/flow-fields";
import type { FlowRegistry } from "../flows/flow-registry";
import type { ApiServices } from "../services";
import { apiError, type ErrorCode, errorBody } from "./errors";

export const UPLOADS_PATH = apiPaths.uploads;

/** What a tus hook throws to answer with its own status and our JSON error. */
const refuse = (status_code: number, code: ErrorCode) => ({ status_code, body: errorBody(code) });

export function uploads(services: ApiServices) {
  const deps: FinishedUploadDeps = services;
  const tus = new TusServer({
    path: UPLOADS_PATH,
    datastore: services.documents.tusStore,
    // Behind a TLS proxy the server sees http: a relative Location avoids pointing the client there.
    relativeLocation: true,
    // Same origin only: the app and the API are served together.
    allowedOrigins: [],
    // A finished document is the citizen's: it is removed by the server's own rules, not by a DELETE.
    disableTerminationForFinishedUploads: true,
    maxSize: largestDocument(services.flows),
    async onUploadCreate(_request, upload) {
      checkCreation(services.flows, upload);
      return {};
    },
    async onUploadFinish(_request, upload) {
      const record = await settleFinishedUpload(deps, {
        id: upload.id,
        size: upload.size ?? upload.offset,
        offset: upload.offset,
        metadata: upload.metadata ?? {},
      });
      if (record.status === "rejected") throw refuse(415, "document_type");
      return {};
    },
    onResponseError(request, error) {
      if (error instanceof Error) console.error(`${request.method} ${UPLOADS_PATH} failed: ${error.message}`);
      return undefined;
    },
  });

  return async (c: Context) => {
    // tus can serve finished files back; citizens' documents are not readable through the API.
    if (c.req.method === "GET") return apiError(c, 405, "method_not_allowed");
    const id = c.req.param("id");
    if (id !== undefined && !UPLOAD_ID.test(id)) return apiError(c, 404, "upload_not_found");
    return asApiResponse(await tus.handleWeb(c.req.raw));
  };
}

function checkCreation(flows: FlowRegistry, upload: Upload): void {
  const metadata = upload.metadata ?? {};
  const flow: Flow | undefined = uploadFlow(flows, { metadata });
  if (!flow) throw refuse(400, "unknown_flow");
  const field = documentFieldById(flow, metadata.fieldId ?? "");
  if (!field) throw refuse(400, "unknown_field");
  if (!(field.accept as readonly (string | null | undefined)[]).includes(metadata.filetype))
    throw refuse(415, "document_type");
  if (upload.size === undefined) throw refuse(400, "invalid_upload");
  if (upload.size > field.maxBytes) throw refuse(413, "document_too_large");
}

function largestDocument(flows: FlowRegistry): number {
  let largest = 0;
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
  if (response.status < 400) return new Response(response.body, { status: response.status, headers });
  const text = await response.text();
  const ours = text.startsWith('{"error":');
  const code =
    STATUS_CODES[response.status] ?? (response.status >= 500 ? "internal_error" : "invalid_upload");
  headers.set("Content-Type", "application/json; charset=UTF-8");
  headers.delete("Content-Length");
  return new Response(ours ? text : errorBody(code), { status: response.status, headers });
}
