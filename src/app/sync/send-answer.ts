/**
 * Sends one answer to the province about a sent request (a task's documents, words and
 * corrected answers, or a message) the way a request is sent: its documents first over tus, each resumable and
 * remembered as soon as the server names it, then one POST carrying the answer's client id, which
 * the server keeps once whatever the number of tries. No DOM and no fetch: the transport is given.
 */
import type { CitizenMessageBody, TaskAnswerBody } from "../../shared/api/agents";
import { apiErrorOf } from "../../shared/api/error-codes";
import type { AnswerRecord } from "../storage/answers";
import {
  type DeviceFiles,
  type Reply,
  type SendOutcome,
  type SendProgress,
  type Transport,
  TransportError,
  uploadDocuments,
} from "./send-request";

export interface AnswerTransport extends Pick<Transport, "upload"> {
  postTaskAnswer(requestId: string, taskId: string, body: TaskAnswerBody): Promise<Reply>;
  postMessage(requestId: string, body: CitizenMessageBody): Promise<Reply>;
}

export type AnswerOutcome = Exclude<SendOutcome, { kind: "sent" }> | { readonly kind: "sent" };

export async function sendAnswer(
  answer: AnswerRecord,
  transport: AnswerTransport,
  files: DeviceFiles,
  onProgress: (progress: SendProgress) => void = () => undefined,
): Promise<AnswerOutcome> {
  const owner = { ...answer, id: answer.clientId };
  const uploads = await uploadDocuments(owner, answer.documents, transport, files, onProgress);
  if (!(uploads instanceof Map)) return uploads;
  const uploaded = answer.documents.map(({ fieldId, ref }) => ({
    fieldId,
    uploadId: uploads.get(ref.id)?.uploadId as string,
  }));

  let reply: Reply;
  try {
    reply = answer.taskId
      ? await transport.postTaskAnswer(answer.requestId, answer.taskId, {
          clientId: answer.clientId,
          documents: uploaded,
          ...(answer.text ? { text: answer.text } : {}),
          ...(answer.corrections ? { corrections: answer.corrections } : {}),
        })
      : await transport.postMessage(answer.requestId, {
          clientId: answer.clientId,
          text: answer.text ?? "",
          ...(uploaded.length > 0 ? { attachments: uploaded.map((doc) => doc.uploadId) } : {}),
        });
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
