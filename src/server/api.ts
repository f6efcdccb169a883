/** The JSON API under /api. Errors share one shape: {"error": {"code", "message"}}. */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

export function createApi(): Hono {
  const api = new Hono();
  api.get("/health", (c) => c.json({ status: "ok" }));
  // Without this, an unknown API path would fall through to the page and answer HTML.
  api.all("*", (c) => apiError(c, 404, "not_found", "Cette adresse ne correspond à aucun service."));
  return api;
}
