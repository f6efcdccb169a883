/** The JSON API under /api. Errors share one shape: {"error": {"code", "message"}} (api/errors.ts). */
import { Hono } from "hono";
import { apiRoutes } from "../shared/api/paths";
import { accountRoutes } from "./api/account";
import { accountDraftRoutes } from "./api/account-drafts";
import { accountRequestRoutes } from "./api/account-requests";
import { agentRoutes } from "./api/agents";
import { citizenExchangeRoutes } from "./api/citizen-exchanges";
import { withTrustProxy } from "./api/client-key";
import { apiError } from "./api/errors";
import { listFlows } from "./api/flows";
import { handoffRoutes } from "./api/handoffs";
import { health } from "./api/health";
import { mediationRoutes } from "./api/mediation";
import { withPosts } from "./api/post-cookie";
import { postRoutes } from "./api/posts";
import { sameOriginOnly } from "./api/same-origin";
import { withSessions } from "./api/session-cookie";
import { staffRoutes } from "./api/staff";
import { withStaffSessions } from "./api/staff-session";
import { getSubmission, putSubmission } from "./api/submissions";
import { uploads } from "./api/uploads";
import type { ApiServices } from "./services";
import { TRUST_NO_PROXY, type TrustProxy } from "./trust-proxy";

export { apiError } from "./api/errors";

/** Without services (a static-only server, as the browser benchmarks start), every API path is 503. */
export function createApi(services?: ApiServices, trustProxy: TrustProxy = TRUST_NO_PROXY): Hono {
  const api = new Hono();
  api.use(withTrustProxy(trustProxy));
  api.use(async (c, next) => {
    await next();
    // Answers about a person's request must never sit in a shared cache or the browser's.
    c.res.headers.set("Cache-Control", "no-store");
  });
  api.use(sameOriginOnly());
  if (services) {
    api.use(withSessions(services.account.sessions));
    api.use(withStaffSessions(services.staff.sessions));
    api.use(withPosts(services.posts));
    api.route("/", accountRoutes(services.account));
    api.route("/", accountRequestRoutes(services));
    api.route("/", accountDraftRoutes(services));
    api.route("/", staffRoutes(services.staff));
    api.route("/", postRoutes(services));
    api.route("/", mediationRoutes(services));
    api.route("/", agentRoutes(services));
    api.route("/", citizenExchangeRoutes(services));
    api.get(apiRoutes.health, health(services));
    api.get(apiRoutes.flows, listFlows(services.flows));
    api.put(apiRoutes.submission, putSubmission(services));
    api.get(apiRoutes.submission, getSubmission(services));
    api.all(apiRoutes.submission, (c) => {
      c.header("Allow", "GET, HEAD, PUT");
      return apiError(c, 405, "method_not_allowed");
    });
    const tus = uploads(services);
    api.all(apiRoutes.uploads, tus);
    api.all(apiRoutes.upload, tus);
    api.all(apiRoutes.uploadWithKey, tus);
    api.route(
      "/",
      handoffRoutes({ handoffs: services.handoffs, maxBytes: () => services.handoffLimits.maxBytes }),
    );
  } else {
    api.all("*", (c) => apiError(c, 503, "database_unavailable"));
  }
  // Without this, an unknown API path would fall through to the page and answer HTML.
  api.all("*", (c) => apiError(c, 404, "not_found"));
  return api;
}
