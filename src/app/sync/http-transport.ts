/**
 * The only code that talks to the API. Uploads go through tus-js-client, fetched the first time
 * a document is sent (about 19 KB gzip the catalogue and the wizard do not need); its own resume
 * storage is off: where an upload continues is kept in our storage module with the request.
 */
import { apiErrorOf } from "../../shared/api/error-codes";
import { apiPaths } from "../../shared/api/paths";
import type { SubmissionBody, UploadMetadata } from "../../shared/api/submission";
import { type Reply, type Transport, TransportError, type UploadInput } from "./send-request";
import { guardAgainstStall, type StallGuard } from "./stall-guard";

/** Each chunk is confirmed by the server: on a dropping network, at most one chunk is sent again. */
const CHUNK_BYTES = 256 * 1024;
/**
 * No byte moved for this long: the try ends and the sender's backoff plans the next one, which
 * resumes at the server's offset. Long enough for a 256 KiB chunk's first bytes on 2G.
 */
const STALL_MS = 45_000;
const JSON_TIMEOUT_MS = 60_000;

/** What tus-js-client keeps of the server's answer to a failed request. */
interface TusResponse {
  getStatus(): number;
  getBody(): string;
}

function jsonOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function upload(input: UploadInput): Promise<string> {
  const { Upload } = await import("tus-js-client");
  return new Promise((resolve, reject) => {
    let stall: StallGuard | undefined;
    const tus = new Upload(input.blob, {
      endpoint: apiPaths.uploads,
      ...(input.resumeUrl ? { uploadUrl: input.resumeUrl } : {}),
      chunkSize: CHUNK_BYTES,
      retryDelays: [],
      storeFingerprintForResuming: false,
      metadata: {
        flowId: input.flowId,
        flowVersion: String(input.flowVersion),
        fieldId: input.fieldId,
        filetype: input.type,
        filename: input.name,
      } satisfies UploadMetadata,
      onUploadUrlAvailable: () => {
        stall?.alive();
        if (tus.url) void input.onStarted(tus.url);
      },
      onProgress: (sent, total) => {
        stall?.alive();
        input.onProgress(total > 0 ? sent / total : 0);
      },
      onSuccess: () => {
        stall?.stop();
        if (tus.url) resolve(tus.url);
        else reject(new TransportError(undefined));
      },
      onError: (error) => {
        stall?.stop();
        const response = (error as { originalResponse?: TusResponse | null }).originalResponse;
        reject(
          response
            ? new TransportError(response.getStatus(), apiErrorOf(jsonOf(response.getBody()))?.code)
            : new TransportError(undefined),
        );
      },
    });
    stall = guardAgainstStall(STALL_MS, () => {
      void tus.abort();
      reject(new TransportError(undefined));
    });
    tus.start();
  });
}

/**
 * A JSON body sent, its answer read: a request's answers or a reply to the province are a few
 * kilobytes, so a minute without an answer is a dead connection.
 */
export async function sendJson(method: "PUT" | "POST", path: string, body: unknown): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(JSON_TIMEOUT_MS),
    });
  } catch {
    throw new TransportError(undefined);
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}

const putSubmission = (id: string, body: SubmissionBody) => sendJson("PUT", apiPaths.submission(id), body);

export const httpTransport: Transport = { upload, putSubmission };
