/** A school-grant request sent over HTTP, as the citizens' app sends it (its documents through tus first). */
import { expect } from "@playwright/test";
import type { Receipt } from "../../../src/shared/api/submission";
import { uploadDocumentsOf } from "../../unit/server/support/documents";
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
