/**
 * The only code that talks to the API. Uploads go through tus-js-client, fetched the first time
 * a document is sent (about 19 KB gzip the catalogue and the wizard do not need); its own resume
 * storage is off: where an upload continues is kept in our storage module with the request.
 */
import {
  type Reply,
  type SubmissionBody,
  type Transport,
  TransportError,
  type UploadInput,
} from "./send-request";

// No trailing slash: the server routes /api/uploads (tus creation) and /api/uploads/:id.
const UPLOADS = "/api/uploads";
/** Each chunk is confirmed by the server: on a dropping network, at most one chunk is sent again. */
const CHUNK_BYTES = 256 * 1024;

async function upload(input: UploadInput): Promise<string> {
  const { Upload } = await import("tus-js-client");
  return new Promise((resolve, reject) => {
    const tus = new Upload(input.blob, {
      endpoint: UPLOADS,
      ...(input.resumeUrl ? { uploadUrl: input.resumeUrl } : {}),
      chunkSize: CHUNK_BYTES,
      retryDelays: [],
      storeFingerprintForResuming: false,
      metadata: { flowId: input.flowId, fieldId: input.fieldId, filetype: input.type, filename: input.name },
      onUploadUrlAvailable: () => {
        if (tus.url) void input.onStarted(tus.url);
      },
      onProgress: (sent, total) => input.onProgress(total > 0 ? sent / total : 0),
      onSuccess: () => (tus.url ? resolve(tus.url) : reject(new TransportError(undefined))),
      onError: (error) => {
        const response = (error as { originalResponse?: { getStatus(): number } | null }).originalResponse;
        reject(new TransportError(response ? response.getStatus() : undefined));
      },
    });
    tus.start();
  });
}

async function putSubmission(id: string, body: SubmissionBody): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(`/api/submissions/${id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new TransportError(undefined);
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}

export const httpTransport: Transport = { upload, putSubmission };
