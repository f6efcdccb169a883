/**
 * Files joined to a message about a request, both ways: what the agent's page and the citizen's
 * app offer, and what the server takes. One list here, so the three never disagree.
 */
import type { DocumentType } from "../document-type";
import type { LeafFieldDef } from "../flow/schema";

/** PDF and photos: what a phone opens without an app, and what the server can check or re-encode. */
export const MESSAGE_ATTACHMENT_TYPES = [
  "application/pdf",
  "image/jpeg",
  "image/png",
] as const satisfies readonly DocumentType[];

/** Per file: a scanned letter of a few pages; the most the procedures take for one document. */
export const MESSAGE_ATTACHMENT_MAX_BYTES = 5_000_000;

/** A message's files together: what one request to the server may carry, held in its memory. */
export const MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES = 25 * 1024 * 1024;

/** Files per message. */
export const MESSAGE_ATTACHMENTS_MAX = 5;

/**
 * The field id a citizen's upload for a message names (tus metadata): it answers no question of
 * the procedure, and the server takes it for every procedure with the rules above.
 */
export const MESSAGE_ATTACHMENT_FIELD = "messageAttachment";

/** A file name kept for the person to read: at most 120 characters, no path, no control character. */
export function attachmentName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    // A lone half of a surrogate pair cannot be said in a header (encodeURIComponent throws).
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .trim();
  // By characters, not UTF-16 units: cutting inside an emoji would leave such a half.
  return Array.from(clean).slice(0, 120).join("");
}

/**
 * That upload's rules as a document field, for the app's document field (photos shrunk, type
 * checked, as for any document) and the server's upload checks. Its label is a text of the
 * citizen's app, which the server also reads, in French, for agents.
 */
export const MESSAGE_ATTACHMENT_DOCUMENT: Extract<LeafFieldDef, { type: "document" }> = {
  id: MESSAGE_ATTACHMENT_FIELD,
  type: "document",
  label: "exchanges:messages.attachmentDocument",
  required: false,
  accept: [...MESSAGE_ATTACHMENT_TYPES],
  maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES,
  maxFiles: MESSAGE_ATTACHMENTS_MAX,
};
