/** The sentences a document field says about a file it could not keep, from the error's code. */

import type { DocumentType } from "../../../shared/document-type";
import type { DocumentError } from "../../documents/document-error";
import { formatBytes } from "../../format/format";
import { i18n } from "../../i18n/i18n";
import type { Language } from "../../i18n/languages";
import type { StorageProblem } from "../../storage/storage-errors";
import type { LeafFieldOfType } from "./field-props";

/** Format names are the same in every language. */
export const FORMAT_NAMES: Record<DocumentType, string> = {
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "image/webp": "WebP",
  "image/heic": "HEIC",
  "application/pdf": "PDF",
};

type DocumentFieldDef = LeafFieldOfType<"document">;

/** Why the file was refused and what to send instead, naming a button the page shows. */
export function refusalText(
  error: DocumentError,
  field: DocumentFieldDef,
  language: Language,
  offersPhoto: boolean,
): string {
  const t = i18n.t;
  const takesPhotos = field.accept.some((type) => type.startsWith("image/"));
  const button = t(offersPhoto ? "fields:document.photo" : "fields:document.choose");
  switch (error.code) {
    case "unsupported": {
      // HEIC is accepted but not suggested: not every phone can open it.
      const photoFormats = field.accept.filter((type) => type.startsWith("image/") && type !== "image/heic");
      const formats = photoFormats.map((type) => FORMAT_NAMES[type]).join(", ");
      if (!takesPhotos) return t("fields:document.refused.notPdf");
      return field.accept.includes("application/pdf")
        ? t("fields:document.refused.notPhotoNorPdf", { formats })
        : t("fields:document.refused.notPhoto", { formats });
    }
    case "tooLarge": {
      const sizes = {
        size: formatBytes(error.size ?? 0, language),
        max: formatBytes(field.maxBytes, language),
      };
      return takesPhotos && error.detected === "application/pdf"
        ? t("fields:document.refused.tooLargeTakePhotos", { ...sizes, button })
        : t("fields:document.refused.tooLarge", sizes);
    }
    case "undecodable":
      return error.detected === "image/heic"
        ? t("fields:document.refused.heic", { button })
        : t("fields:document.refused.undecodable", { button });
    case "unreadable":
      return t("fields:document.refused.unreadable");
  }
}

/** Why `count` files were not stored; the page offers to try again. */
export function notStoredText(code: StorageProblem, count: number): string {
  return i18n.t(`fields:document.notStored.${code}`, { count });
}
