/** Headers every response carries, errors and 404s included: the app needs nothing from other origins. */
import type { MiddlewareHandler } from "hono";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // Photos are taken through the file picker, which needs no permission: the page asks for none.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
};

/** One year, the preload lists' minimum; subdomains are left to whoever runs the domain. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/**
 * HSTS only when told the server is reached over HTTPS (BEHIND_TLS=1): sent over plain HTTP,
 * as in development, it would make the browser refuse the address until the header expires.
 */
export function securityHeaders(options: { readonly behindTls?: boolean } = {}): MiddlewareHandler {
  const headers = options.behindTls
    ? { ...SECURITY_HEADERS, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY }
    : SECURITY_HEADERS;
  return async (c, next) => {
    await next();
    // Set after the handlers run, so responses replaced downstream (304, errors) get them too.
    // A handler's own policy stays: a stored document is served under a stricter, sandboxing one.
    for (const [name, value] of Object.entries(headers))
      if (name !== "Content-Security-Policy" || !c.res.headers.has(name)) c.res.headers.set(name, value);
  };
}
