/** Small helpers to call the API the way the app does. */
import { randomUUID } from "node:crypto";
import type { Hono } from "hono";
import { expect } from "vitest";

export function putSubmission(app: Hono, id: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(`/api/submissions/${id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export const newId = () => randomUUID();

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; code: string; message: string }[];
    uploadIds?: string[];
  };
}

export async function errorOf(response: Response): Promise<ApiErrorBody["error"]> {
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiErrorBody;
  return body.error;
}
