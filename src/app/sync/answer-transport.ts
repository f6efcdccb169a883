/** The HTTP side of the person's answers: tus uploads as a request's, then a JSON POST. */
import type { CitizenMessageBody, TaskAnswerBody } from "../../shared/api/agents";
import { apiPaths } from "../../shared/api/paths";
import { httpTransport, sendJson } from "./http-transport";
import type { AnswerTransport } from "./send-answer";

export const httpAnswerTransport: AnswerTransport = {
  upload: httpTransport.upload,
  postTaskAnswer: (requestId: string, taskId: string, body: TaskAnswerBody) =>
    sendJson("POST", apiPaths.requestTaskAnswer(requestId, taskId), body),
  postMessage: (requestId: string, body: CitizenMessageBody) =>
    sendJson("POST", apiPaths.requestMessages(requestId), body),
};
