/** Why a chosen file cannot be kept as it is; the field turns the code into a plain sentence. */
import type { DocumentType } from "../../shared/document-type";

export type DocumentProblem =
  /** Not one of the field's types, whatever its name says. */
  | "unsupported"
  /** Over the field's limit (a PDF, which is kept as it is). */
  | "tooLarge"
  /** An image this browser cannot open (HEIC outside Safari, a damaged photo). */
  | "undecodable"
  /** The bytes could not be read (a file still in the cloud, or moved since it was chosen). */
  | "unreadable";

export class DocumentError extends Error {
  override readonly name = "DocumentError";

  constructor(
    readonly code: DocumentProblem,
    /** What the content turned out to be, when known. */
    readonly detected?: DocumentType,
    /** The file's size in bytes, for "tooLarge". */
    readonly size?: number,
  ) {
    super(`document:${code}`);
  }
}
