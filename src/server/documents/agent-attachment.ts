/**
 * A file an agent joins to a message, checked before it is kept, as a citizen's document is when
 * its last byte arrives: its type is read from its content (the name and the browser's type are
 * only the client's word), a PDF with active content or encryption is refused, and a photo is
 * decoded and encoded again (image-cleaning.ts), so the person's phone opens only the picture.
 */
import { createHash } from "node:crypto";
import { MESSAGE_ATTACHMENT_MAX_BYTES, MESSAGE_ATTACHMENT_TYPES } from "../../shared/api/message-attachments";
import { detectDocumentType } from "../../shared/document-type";
import { cleanImage } from "./image-cleaning";
import { pdfVerdict } from "./pdf-active-content";

export type CheckedAttachment =
  | {
      readonly ok: true;
      /** What is kept: the bytes as they came for a PDF, re-encoded for a photo. */
      readonly bytes: Uint8Array;
      readonly type: (typeof MESSAGE_ATTACHMENT_TYPES)[number];
      readonly sha256: string;
    }
  | {
      readonly ok: false;
      readonly code:
        | "attachment_too_large"
        | "attachment_type"
        | "attachment_unsafe"
        | "attachment_unreadable";
    };

export async function checkAgentAttachment(bytes: Uint8Array): Promise<CheckedAttachment> {
  if (bytes.byteLength > MESSAGE_ATTACHMENT_MAX_BYTES) return { ok: false, code: "attachment_too_large" };
  const type = detectDocumentType(bytes);
  const accepted = MESSAGE_ATTACHMENT_TYPES.find((known) => known === type);
  if (!accepted) return { ok: false, code: "attachment_type" };
  let kept = bytes;
  if (accepted === "application/pdf") {
    if (pdfVerdict(bytes) !== "safe") return { ok: false, code: "attachment_unsafe" };
  } else {
    const cleaned = await cleanImage(bytes, accepted);
    // Too many pixels is a file too big to open on a phone, as the agent will read it.
    if (!cleaned.ok)
      return {
        ok: false,
        code: cleaned.reason === "too_many_pixels" ? "attachment_too_large" : "attachment_unreadable",
      };
    kept = new Uint8Array(cleaned.bytes);
  }
  return { ok: true, bytes: kept, type: accepted, sha256: createHash("sha256").update(kept).digest("hex") };
}
