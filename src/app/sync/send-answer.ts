/**
 * Sends one answer to the province about a sent request (a task's documents and words, or a
 * message) the way a request is sent: its documents first over tus, each resumable and
 * remembered as soon as the server names it, then one POST carrying the answer's client id, which
 * the server keeps once whatever the number of tries. No DOM and no fetch: the transport is given.
 */

import type { CitizenMessageBody, TaskAnswerBody } from "../../shared/api/agents";
import { apiErrorOf } from "../../shared/api/error-codes";
import { uploadIdOfUrl } from "../../shared/api/paths";
import type { AnswerRecord } from "../storage/answers";
import {
  type Reply,
  type SendOutcome,
  type SendProgress,
  type Transport,
  TransportError,
} from "./send-request";

export interface AnswerTransport extends Pick<Transport, "upload"> {
  postTaskAnswer(requestId: string, taskId: string, body: TaskAnswerBody): Promise<Reply>;
  postMessage(requestId: string, body: CitizenMessageBody): Promise<Reply>;
}

export interface AnswerFiles {
  readFile(id: string): Promise<Blob | undefined>;
  rememberUpload(clientId: string, fileId: string, upload: { url: string; done: boolean }): Promise<void>;
  forgetUpload(clientId: string, fileId: string): Promise<void>;
}

export type AnswerOutcome = Exclude<SendOutcome, { kind: "sent" }> | { readonly kind: "sent" };

export async function sendAnswer(
  answer: AnswerRecord,
  transport: AnswerTransport,
  files: AnswerFiles,
  onProgress: (progress: SendProgress) => void = () => undefined,
): Promise<AnswerOutcome> {
  const total = answer.documents.length;
  const uploaded: { fieldId: string; uploadId: string }[] = [];
  for (const [index, { fieldId, ref }] of answer.documents.entries()) {
    onProgress({ documentsDone: index, documentsTotal: total, current: 0 });
    const known = answer.uploads?.[ref.id];
    if (known?.done) {
      uploaded.push({ fieldId, uploadId: uploadIdOfUrl(known.url) ?? known.url });
      continue;
    }
    const blob = await files.readFile(ref.id);
    if (!blob) return { kind: "problem", code: "document_missing" };
    try {
      const url = await transport.upload({
        blob,
        name: ref.name,
        type: ref.type,
        flowId: answer.flowId,
        flowVersion: answer.flowVersion,
        fieldId,
        resumeUrl: known?.url,
        onStarted: (started) => files.rememberUpload(answer.clientId, ref.id, { url: started, done: false }),
        onProgress: (current) => onProgress({ documentsDone: index, documentsTotal: total, current }),
      });
      await files.rememberUpload(answer.clientId, ref.id, { url, done: true });
      uploaded.push({ fieldId, uploadId: uploadIdOfUrl(url) ?? url });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      if (error.status === 404 || error.status === 410) await files.forgetUpload(answer.clientId, ref.id);
      // As for a request's documents: refused for what it is, trying again cannot help.
      const refusedForWhatItIs = error.status === 400 || error.status === 413 || error.status === 415;
      if (refusedForWhatItIs && error.code !== "upload_quota_reached")
        return { kind: "problem", code: error.code ?? "document_refused" };
      return { kind: "retry" };
    }
  }
  onProgress({ documentsDone: total, documentsTotal: total, current: 0 });

  let reply: Reply;
  try {
    reply = answer.taskId
      ? await transport.postTaskAnswer(answer.requestId, answer.taskId, {
          clientId: answer.clientId,
          documents: uploaded,
          ...(answer.text ? { text: answer.text } : {}),
        })
      : await transport.postMessage(answer.requestId, { clientId: answer.clientId, text: answer.text ?? "" });
  } catch (error) {
    if (error instanceof TransportError) return { kind: "retry" };
    throw error;
  }
  if (reply.status >= 200 && reply.status < 300) return { kind: "sent" };
  const code = apiErrorOf(reply.body)?.code ?? `http_${reply.status}`;
  // The server no longer has an upload as named (expired meanwhile): upload them again next time.
  if (code === "attachment_invalid") {
    for (const { ref } of answer.documents) await files.forgetUpload(answer.clientId, ref.id);
    return { kind: "retry" };
  }
  if (reply.status >= 500 || reply.status === 408 || reply.status === 429) return { kind: "retry" };
  return { kind: "problem", code };
}
