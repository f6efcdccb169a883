/**
 * /api/handoffs: a device leaves a draft's ciphertext and gets a locator; another device fetches
 * it once with that locator. Anonymous by design (a person on a connected-space post has no
 * account): what bounds it is the size, the per-client limits and the expiry (src/server/handoffs).
 */
import { Hono } from "hono";
import type { HandoffCreated } from "../../shared/api/handoff";
import { apiRoutes } from "../../shared/api/paths";
import type { HandoffService } from "../handoffs/handoff-service";
import { clientKey } from "./client-key";
import { apiError } from "./errors";
import { readAtMost } from "./json-body";

/** The browser's package header (version, salt, IV) and the AES-GCM tag: anything shorter is not a package. */
const MIN_PACKAGE_BYTES = 1 + 16 + 12 + 16;

export interface HandoffRouteDeps {
  readonly handoffs: HandoffService;
  readonly maxBytes: () => number;
}

export function handoffRoutes({ handoffs, maxBytes }: HandoffRouteDeps): Hono {
  const routes = new Hono();

  routes.post(apiRoutes.handoffs, async (c) => {
    const type = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/octet-stream") return apiError(c, 415, "unsupported_media_type");
    const limit = maxBytes();
    const declared = Number(c.req.header("Content-Length") ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limit) return apiError(c, 413, "body_too_large");
    const bytes = await readAtMost(c.req.raw.body, limit);
    if (bytes === undefined) return apiError(c, 413, "body_too_large");
    if (bytes.byteLength < MIN_PACKAGE_BYTES) return apiError(c, 400, "invalid_body");
    const created = await handoffs.create(bytes, clientKey(c));
    if (!created.ok) {
      c.header("Retry-After", "3600");
      return apiError(c, 429, created.problem);
    }
    const body: HandoffCreated = { locator: created.locator, expiresAt: created.expiresAt };
    return c.json(body, 201);
  });

  routes.get(apiRoutes.handoff, async (c) => {
    // A HEAD would use the package up without giving it to anyone.
    if (c.req.method === "HEAD") {
      c.header("Allow", "GET");
      return apiError(c, 405, "method_not_allowed");
    }
    const taken = await handoffs.take(c.req.param("locator"), clientKey(c));
    if (taken.ok) {
      return c.body(new Uint8Array(taken.ciphertext), 200, { "Content-Type": "application/octet-stream" });
    }
    switch (taken.problem) {
      case "handoff_not_found":
        return apiError(c, 404, taken.problem);
      case "too_many_attempts":
        c.header("Retry-After", "3600");
        return apiError(c, 429, taken.problem);
      default:
        return apiError(c, 410, taken.problem);
    }
  });

  routes.all(apiRoutes.handoffs, (c) => {
    c.header("Allow", "POST");
    return apiError(c, 405, "method_not_allowed");
  });
  routes.all(apiRoutes.handoff, (c) => {
    c.header("Allow", "GET");
    return apiError(c, 405, "method_not_allowed");
  });
  return routes;
}
