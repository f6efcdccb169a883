/** The JSON API under /api. Errors share one shape: {"error": {"code", "message"}} (api/errors.ts). */
import { Hono } from "hono";
import { apiRoutes } from "../shared/api/paths";
import { apiError } from "./api/errors";
import { listFlows } from "./api/flows";
import { health } from "./api/health";
import { getSubmission, putSubmission } from "./api/submissions";
import { uploads } from "./api/uploads";
import type { ApiServices } from "./services";

export { apiError } from "./api/errors";

/** Without services (a static-only server, as the browser benchmarks start), every API path is 503. */
export function createApi(services?: ApiServices): Hono {
  const api = new Hono();
  api.use(async (c, next) => {
    await next();
    // Answers about a person's request must never sit in a shared cache or the browser's.
    c.res.headers.set("Cache-Control", "no-store");
  });
  if (services) {
    api.get(apiRoutes.health, health(services));
    api.get(apiRoutes.flows, listFlows(services.flows));
    api.put(apiRoutes.submission, putSubmission(services));
    api.get(apiRoutes.submission, getSubmission(services));
    const tus = uploads(services);
    api.all(apiRoutes.uploads, tus);
    api.all(apiRoutes.upload, tus);
  } else {
    api.all("*", (c) => apiError(c, 503, "database_unavailable"));
  }
  // Without this, an unknown API path would fall through to the page and answer HTML.
  api.all("*", (c) => apiError(c, 404, "not_found"));
  return api;
}
