/**
 * What a file is, read from its first bytes: the name and the declared type are the client's
 * word; the content is what the administration will open. The browser checks a file before
 * storing it and the server when its upload completes, with this one table.
 */
import type { DOCUMENT_TYPES } from "./flow/schema";

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** How many leading bytes detectDocumentType needs. */
export const SIGNATURE_LENGTH = 12;

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Each type's bytes, and where they sit; `undefined` stands for any byte. */
const SIGNATURES: readonly { type: DocumentType; at: number; bytes: readonly (number | undefined)[] }[] = [
  { type: "image/jpeg", at: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // "RIFF", the chunk's length, then "WEBP".
  { type: "image/webp", at: 0, bytes: [...ascii("RIFF"), ...Array(4).fill(undefined), ...ascii("WEBP")] },
  { type: "application/pdf", at: 0, bytes: ascii("%PDF-") },
  // An ISO media file: a box length, "ftyp", then the major brand. These brands are HEIC/HEIF still images.
  ...["heic", "heix", "hevc", "hevx", "mif1", "msf1"].map((brand) => ({
    type: "image/heic" as const,
    at: 4,
    bytes: ascii(`ftyp${brand}`),
  })),
];

export function detectDocumentType(head: Uint8Array): DocumentType | undefined {
  return SIGNATURES.find(
    ({ at, bytes }) =>
      head.length >= at + bytes.length &&
      bytes.every((byte, index) => byte === undefined || head[at + index] === byte),
  )?.type;
}
