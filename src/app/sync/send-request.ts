/**
 * Sends one finished request: its documents first (each resumable, each remembered on the
 * device as soon as the server has named it), then the request itself, which the server keeps
 * once whatever the number of tries (PUT with the id made on the device). Says what happened;
 * the outbox decides what to do next. No DOM and no fetch here: the transport is given.
 */
import { apiErrorOf } from "../../shared/api/error-codes";
import { uploadIdOfUrl } from "../../shared/api/paths";
import { parseReceipt, type SubmissionBody } from "../../shared/api/submission";
import type { RequestRecord } from "../storage/requests";
import { documentsOf, type RequestDocument, withUploadIds } from "./documents-of";

export interface UploadInput {
  readonly blob: Blob;
  readonly name: string;
  readonly type: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly fieldId: string;
  /** Where an interrupted upload of this file continues, if one started before. */
  readonly resumeUrl: string | undefined;
  readonly onStarted: (url: string) => Promise<void>;
  readonly onProgress: (fraction: number) => void;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export interface Transport {
  /** Resolves with the upload's address once the server has every byte; rejects with a TransportError. */
  upload(input: UploadInput): Promise<string>;
  putSubmission(id: string, body: SubmissionBody): Promise<Reply>;
}

/** A failure the network or server caused: `status` undefined when no answer came back. */
export class TransportError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly code?: string,
  ) {
    super(status === undefined ? "no answer from the server" : `the server answered ${status}`);
    this.name = "TransportError";
  }
}

export interface DeviceFiles {
  readFile(id: string): Promise<Blob | undefined>;
  rememberUpload(
    requestId: string,
    fileId: string,
    upload: { url: string; sha256?: string; done: boolean },
  ): Promise<void>;
  forgetUpload(requestId: string, fileId: string): Promise<void>;
}

export interface SendProgress {
  readonly documentsDone: number;
  readonly documentsTotal: number;
  /** Of the document being sent, 0 to 1. */
  readonly current: number;
}

export type SendOutcome =
  | { readonly kind: "sent"; readonly reference: string; readonly receivedAt: string }
  /** Try again later: no network, the server was down, or an upload must start over. */
  | { readonly kind: "retry" }
  /** The person (or a developer) must act: the answers no longer fit the flow, a file is refused… */
  | {
      readonly kind: "problem";
      readonly code: string;
      /** The answers the server refused, by path and engine error code. */
      readonly fields?: readonly { readonly path: string; readonly code: string }[];
    };

export async function sha256(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const uploadIdOf = (url: string) => uploadIdOfUrl(url) ?? url;

/** Whose documents: a request, or an answer about one (its client id), with the uploads it remembers. */
export interface DocumentsOwner {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly uploads?: RequestRecord["uploads"];
}

/**
 * Uploads each document not uploaded yet, resuming an interrupted one, remembering each as soon
 * as the server names it; resolves to the uploads by device file id, or to what stopped it.
 */
export async function uploadDocuments(
  owner: DocumentsOwner,
  documents: readonly RequestDocument[],
  transport: Pick<Transport, "upload">,
  files: DeviceFiles,
  onProgress: (progress: SendProgress) => void,
): Promise<Map<string, { uploadId: string; sha256: string }> | Exclude<SendOutcome, { kind: "sent" }>> {
  const uploaded = new Map<string, { uploadId: string; sha256: string }>();
  for (const [index, { fieldId, ref }] of documents.entries()) {
    onProgress({ documentsDone: index, documentsTotal: documents.length, current: 0 });
    const known = owner.uploads?.[ref.id];
    // Uploaded already (a draft kept in the account, maybe from another device): named, not read.
    if (known?.done && known.sha256) {
      uploaded.set(ref.id, { uploadId: uploadIdOf(known.url), sha256: known.sha256 });
      continue;
    }
    const blob = await files.readFile(ref.id);
    if (!blob) return { kind: "problem", code: "document_missing" };
    const hash = await sha256(blob);
    if (known?.done) {
      uploaded.set(ref.id, { uploadId: uploadIdOf(known.url), sha256: hash });
      continue;
    }
    try {
      const url = await transport.upload({
        blob,
        name: ref.name,
        type: ref.type,
        flowId: owner.flowId,
        flowVersion: owner.flowVersion,
        fieldId,
        resumeUrl: known?.url,
        onStarted: (started) => files.rememberUpload(owner.id, ref.id, { url: started, done: false }),
        onProgress: (current) =>
          onProgress({ documentsDone: index, documentsTotal: documents.length, current }),
      });
      await files.rememberUpload(owner.id, ref.id, { url, sha256: hash, done: true });
      uploaded.set(ref.id, { uploadId: uploadIdOf(url), sha256: hash });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      // 404/410: the server no longer has that upload (expired): start it again next time.
      if (error.status === 404 || error.status === 410) await files.forgetUpload(owner.id, ref.id);
      // Refused for what it is (type, size, a procedure or piece the server does not know): trying
      // again cannot help, the person or a developer must act. A limit of the connection (too many
      // uploads 429, too much held 413 upload_quota_reached, the server's disk full 507) is not
      // theirs: it passes, and the next attempt goes through.
      const refusedForWhatItIs = error.status === 400 || error.status === 413 || error.status === 415;
      if (refusedForWhatItIs && error.code !== "upload_quota_reached")
        return { kind: "problem", code: error.code ?? "document_refused" };
      return { kind: "retry" };
    }
  }
  onProgress({ documentsDone: documents.length, documentsTotal: documents.length, current: 0 });
  return uploaded;
}

export async function sendRequest(
  request: RequestRecord,
  transport: Transport,
  files: DeviceFiles,
  onProgress: (progress: SendProgress) => void = () => undefined,
): Promise<SendOutcome> {
  const documents = documentsOf(request.answers);
  const uploaded = await uploadDocuments(request, documents, transport, files, onProgress);
  if (!(uploaded instanceof Map)) return uploaded;

  const body: SubmissionBody = {
    flowId: request.flowId,
    flowVersion: request.flowVersion,
    answers: withUploadIds(request.answers, new Map([...uploaded].map(([id, u]) => [id, u.uploadId]))),
    documents: documents.map(({ fieldId, ref }) => {
      const upload = uploaded.get(ref.id) as { uploadId: string; sha256: string };
      return { fieldId, uploadId: upload.uploadId, sha256: upload.sha256, size: ref.size, type: ref.type };
    }),
  };
  let reply: Reply;
  try {
    reply = await transport.putSubmission(request.id, body);
  } catch (error) {
    if (error instanceof TransportError) return { kind: "retry" };
    throw error;
  }
  if (reply.status === 200 || reply.status === 201) {
    const receipt = parseReceipt(reply.body);
    // A 2xx that is not a receipt came from something between us and the server: try again.
    return receipt
      ? { kind: "sent", reference: receipt.reference, receivedAt: receipt.receivedAt }
      : { kind: "retry" };
  }
  const error = apiErrorOf(reply.body);
  const code = error?.code ?? `http_${reply.status}`;
  if (code === "document_incomplete" || code === "document_mismatch") {
    // The server does not have the file as sent: upload every document again next time.
    for (const { ref } of documents) await files.forgetUpload(request.id, ref.id);
    return { kind: "retry" };
  }
  if (reply.status === 422 && code === "invalid_answers") {
    const fields = error?.fields ?? [];
    return { kind: "problem", code, fields: fields.map(({ path, code: c }) => ({ path, code: c })) };
  }
  if (reply.status >= 500 || reply.status === 408 || reply.status === 429) return { kind: "retry" };
  return { kind: "problem", code };
}
