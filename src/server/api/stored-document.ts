/**
 * How a person's stored document leaves the server, whoever asks for it (an agent, its owner's
 * other device): never cached, its type taken as said, and unable to run anything even opened
 * directly (src/server/security-headers.ts leaves this policy in place).
 */

/** No script, no plugin, no form. */
export const DOCUMENT_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

export function storedDocumentHeaders(type: string, disposition: string): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Disposition": disposition,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": DOCUMENT_POLICY,
  };
}
