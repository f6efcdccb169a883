/** The HTTP side of the person's answers: tus uploads as a request's, then a JSON POST. */
import type { CitizenMessageBody, TaskAnswerBody } from "../../shared/api/agents";
import { apiPaths } from "../../shared/api/paths";
import { httpTransport } from "./http-transport";
import type { AnswerTransport } from "./send-answer";
import { type Reply, TransportError } from "./send-request";

/** An answer is a few kilobytes: a minute without an answer is a dead connection. */
const POST_TIMEOUT_MS = 60_000;

async function postJson(path: string, body: unknown): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
  } catch {
    throw new TransportError(undefined);
  }
  return { status: response.status, body: await response.json().catch(() => null) };
}

export const httpAnswerTransport: AnswerTransport = {
  upload: httpTransport.upload,
  postTaskAnswer: (requestId: string, taskId: string, body: TaskAnswerBody) =>
    postJson(apiPaths.requestTaskAnswer(requestId, taskId), body),
  postMessage: (requestId: string, body: CitizenMessageBody) =>
    postJson(apiPaths.requestMessages(requestId), body),
};
