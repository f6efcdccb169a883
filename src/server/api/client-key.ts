/**
 * The client, for per-client limits (sign-in codes, uploads): a digest of its address, never the
 * address itself, so the database holds nothing that locates a person. The address is the
 * connection's, or behind proxies the forwarded one that TRUST_PROXY says to believe
 * (trust-proxy.ts).
 */
import { createHash } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { clientAddressOf, TRUST_NO_PROXY, type TrustProxy } from "../trust-proxy";

declare module "hono" {
  interface ContextVariableMap {
    trustProxy: TrustProxy;
  }
}

/** Makes TRUST_PROXY known to `clientKey` for the routes after it. */
export function withTrustProxy(trust: TrustProxy): MiddlewareHandler {
  return async (c, next) => {
    c.set("trustProxy", trust);
    await next();
  };
}

export function clientKey(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const address = clientAddressOf(
    c.get("trustProxy") ?? TRUST_NO_PROXY,
    incoming?.socket?.remoteAddress,
    c.req.header("X-Forwarded-For"),
  );
  return createHash("sha256")
    .update(address ?? "unknown")
    .digest("hex");
}
