/** A real request sent over HTTP as the app sends it, its documents first, with or without a session. */
import type { Receipt } from "../../../../src/shared/api/submission";
import { uploadDocumentsOf } from "./documents";
import { example } from "./examples";
import { newId, putSubmission } from "./requests";
import type { TestServer } from "./test-server";

export async function sendRequestOver(
  server: TestServer,
  headers: Record<string, string> = {},
): Promise<Receipt & { readonly body: unknown }> {
  const { answers } = example("bourse-scolaire", "eligible-one-child");
  const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
  const body = { flowId: "bourse-scolaire", flowVersion: 1, ...uploaded };
  const response = await putSubmission(server.app, newId(), body, headers);
  if (response.status !== 201) throw new Error(`not sent: ${response.status} ${await response.text()}`);
  return { ...((await response.json()) as Receipt), body };
}
