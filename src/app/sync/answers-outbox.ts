/**
 * The person's answers waiting on this device, sent after the requests by the same sender and
 * under the same lock, oldest first. An answer leaves the outbox only once the server confirmed
 * it (markAnswerSent drops its documents' bytes in the same transaction); a receipt showing the
 * request hears it from the sender and fetches its exchanges again.
 */
import {
  answersToSend,
  forgetAnswerUpload,
  markAnswerProblem,
  markAnswerSent,
  rememberAnswerUpload,
} from "../storage/answers";
import { readFile } from "../storage/files";
import { httpAnswerTransport } from "./answer-transport";
import { type AnswerOutcome, type AnswerTransport, sendAnswer } from "./send-answer";
import type { SendProgress } from "./send-request";

export interface AnswersListener {
  progress(clientId: string, progress: SendProgress): void;
  outcome(clientId: string, outcome: AnswerOutcome): void;
}

const deviceFiles = {
  readFile: async (id: string) => (await readFile(id))?.blob,
  rememberUpload: rememberAnswerUpload,
  forgetUpload: forgetAnswerUpload,
};

/** "done" when nothing is left to send now; "retry" when the network or the server failed. */
export async function drainAnswers(
  listener: AnswersListener,
  transport: AnswerTransport = httpAnswerTransport,
): Promise<"done" | "retry"> {
  for (const answer of await answersToSend()) {
    const outcome = await sendAnswer(answer, transport, deviceFiles, (p) =>
      listener.progress(answer.clientId, p),
    );
    if (outcome.kind === "sent") await markAnswerSent(answer.clientId);
    if (outcome.kind === "problem") await markAnswerProblem(answer.clientId, outcome.code);
    listener.outcome(answer.clientId, outcome);
    if (outcome.kind === "retry") return "retry";
  }
  return "done";
}
