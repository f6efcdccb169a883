/**
 * Turns a chosen file into what is kept on the device: its type checked from its content, a photo
 * shrunk to a JPEG with a thumbnail, a PDF kept as it is within the field's limit.
 */

import { type DocumentType, detectDocumentType, SIGNATURE_LENGTH } from "../../shared/document-type";
import { DocumentError } from "./document-error";
import type { ShrunkPhoto } from "./photo-canvas";
import { shrinkPhoto } from "./shrink-photo";

/** What a document field allows. */
export interface DocumentRules {
  readonly accept: readonly DocumentType[];
  readonly maxBytes: number;
}

export interface PreparedDocument {
  readonly blob: Blob;
  readonly name: string;
  readonly type: DocumentType;
  readonly thumbnail: Blob | undefined;
}

export async function prepareDocument(
  file: File,
  rules: DocumentRules,
  shrink: (photo: Blob) => Promise<ShrunkPhoto | undefined> = shrinkPhoto,
): Promise<PreparedDocument> {
  const type = detectDocumentType(new Uint8Array(await readBytes(file.slice(0, SIGNATURE_LENGTH))));
  if (type === undefined || !rules.accept.includes(type)) throw new DocumentError("unsupported", type);
  if (type === "application/pdf") {
    if (file.size > rules.maxBytes) throw new DocumentError("tooLarge", type, file.size);
    // Read now, while the file is surely there: a File is only a pointer to a file the phone may
    // move or a cloud app may drop, and storing it would then fail as a storage error.
    const blob = new Blob([await readBytes(file)], { type });
    return { blob, name: withExtension(file.name, "pdf"), type, thumbnail: undefined };
  }
  const shrunk = await shrink(file);
  if (!shrunk) throw new DocumentError("undecodable", type);
  const { photo, thumbnail } = shrunk;
  if (photo.size > rules.maxBytes) throw new DocumentError("tooLarge", "image/jpeg", photo.size);
  return { blob: photo, name: withExtension(file.name, "jpg"), type: "image/jpeg", thumbnail };
}

async function readBytes(blob: Blob): Promise<ArrayBuffer> {
  try {
    return await blob.arrayBuffer();
  } catch {
    throw new DocumentError("unreadable");
  }
}

/** "IMG_0042.HEIC" → "IMG_0042.jpg"; a name without an extension gets one. */
export function withExtension(name: string, extension: string): string {
  return `${name.replace(/(.)\.[^.]{1,5}$/, "$1")}.${extension}`;
}
