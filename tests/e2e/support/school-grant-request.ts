/** A school-grant request sent over HTTP, as the citizens' app sends it (its documents through tus first), and a message of its citizen. */
import { expect } from "@playwright/test";
import { MESSAGE_ATTACHMENT_FIELD } from "../../../src/shared/api/message-attachments";
import type { Receipt } from "../../../src/shared/api/submission";
import { documentBytes, uploadDocumentsOf, uploadWhole } from "../../unit/server/support/documents";
import { example } from "../../unit/server/support/examples";

export async function sendSchoolGrant(baseURL: string): Promise<Receipt> {
  const { answers, flowVersion } = example("bourse-scolaire", "eligible-one-child");
  const server = { request: (path: string, init?: RequestInit) => fetch(new URL(path, baseURL), init) };
  const uploaded = await uploadDocumentsOf(server, "bourse-scolaire", answers, { size: 2048 });
  const response = await fetch(new URL(`/api/submissions/${crypto.randomUUID()}`, baseURL), {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ flowId: "bourse-scolaire", flowVersion, ...uploaded }),
  });
  expect(response.status, "request sent").toBe(201);
  return (await response.json()) as Receipt;
}

/** The citizen's message about their request, with a PDF joined (sent with tus first), as their device sends it. */
export async function citizenMessageWithPdf(baseURL: string, requestId: string, text: string): Promise<void> {
  const server = { request: (path: string, init?: RequestInit) => fetch(new URL(path, baseURL), init) };
  const bytes = documentBytes("application/pdf", 2048, Date.now() % 1000);
  const { response, uploadId } = await uploadWhole(
    server,
    { flowId: "bourse-scolaire", fieldId: MESSAGE_ATTACHMENT_FIELD, filetype: "application/pdf" },
    bytes,
  );
  expect(response.status, "attachment uploaded").toBe(201);
  const sent = await fetch(new URL(`/api/submissions/${requestId}/messages`, baseURL), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ clientId: crypto.randomUUID(), text, attachments: [uploadId] }),
  });
  expect(sent.status, "message sent").toBe(204);
}
