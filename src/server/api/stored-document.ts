/**
 * How a person's stored document leaves the server, whoever asks for it (an agent, its owner's
 * other device): never cached, its type taken as said, and unable to run anything even opened
 * directly (src/server/security-headers.ts leaves this policy in place).
 */
import type { Context } from "hono";

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

/**
 * A file joined to a message, as a download under its sender's name (ASCII in `filename`, the
 * name itself in `filename*`), so a phone saves it and opens it with its own viewer.
 */
export function attachmentResponse(
  c: Context,
  file: { readonly name: string; readonly type: string; readonly bytes: Uint8Array },
): Response {
  const extension = file.type === "application/pdf" ? "pdf" : (file.type.split("/")[1] ?? "bin");
  const name = file.name || `piece-jointe.${extension}`;
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || `piece-jointe.${extension}`;
  return c.body(
    new Uint8Array(file.bytes),
    200,
    storedDocumentHeaders(
      file.type,
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    ),
  );
}
