/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser says comes
 * from another site: `Sec-Fetch-Site` when the browser sends it, else `Origin` compared with the
 * server's own host. Requests with neither come from programs, not from a page a person was
 * lured to, and pass. With the session cookie's SameSite=Lax, this is the defence against
 * cross-site request forgery; the app itself only makes same-origin requests.
 */
import type { MiddlewareHandler } from "hono";
import { apiError } from "./errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header("Sec-Fetch-Site");
    if (site !== undefined) {
      // "none": typed in the address bar or a bookmark, by the person themselves.
      if (site === "same-origin" || site === "none") return next();
      return apiError(c, 403, "cross_origin");
    }
    const origin = c.req.header("Origin");
    if (origin === undefined) return next();
    // Behind a TLS proxy the server sees http: the host is what must match, the scheme may differ.
    const host = c.req.header("Host") ?? new URL(c.req.url).host;
    if (URL.canParse(origin) && new URL(origin).host === host) return next();
    return apiError(c, 403, "cross_origin");
  };
}
