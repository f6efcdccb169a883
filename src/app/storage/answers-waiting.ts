/**
 * Whether any answer to the province waits to be sent: the sender asks before it loads the
 * answers' code, which comes with a procedure's pack (answers.ts and the sync code around it).
 */
import { database } from "./database";

export async function hasAnswersToSend(): Promise<boolean> {
  return (await (await database()).countFromIndex("answers", "by-status", "ready")) > 0;
}
