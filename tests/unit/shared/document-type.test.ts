import { describe, expect, it } from "vitest";
import { detectDocumentType } from "../../../src/shared/document-type";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...part].map((c) => c.charCodeAt(0)) : part)),
  );

describe("a file's type, from its first bytes", () => {
  it.each([
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF")],
    ["image/jpeg", bytes([0xff, 0xd8, 0xff, 0xe1], "..Exif")],
    ["image/png", bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ["image/webp", bytes("RIFF", [0x1a, 0x2b, 0, 0], "WEBPVP8 ")],
    ["application/pdf", bytes("%PDF-1.7\n")],
    ["image/heic", bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0])],
    ["image/heic", bytes([0, 0, 0, 0x1c], "ftypmif1", [0, 0, 0, 0])],
    ["image/heic", bytes([0, 0, 0, 0x20], "ftyphevc")],
  ])("recognises %s", (type, head) => {
    expect(detectDocumentType(head)).toBe(type);
  });

  it("knows every HEIC/HEIF still-image brand", () => {
    for (const brand of ["heic", "heix", "hevc", "hevx", "mif1", "msf1"])
      expect(detectDocumentType(bytes([0, 0, 0, 0x18], `ftyp${brand}`)), brand).toBe("image/heic");
  });

  it("refuses what only looks close: other RIFF files, other ISO media, a short or random start", () => {
    expect(detectDocumentType(bytes("RIFF", [0, 0, 0, 0], "WAVEfmt "))).toBeUndefined();
    expect(detectDocumentType(bytes([0, 0, 0, 0x18], "ftypisom"))).toBeUndefined();
    expect(detectDocumentType(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(detectDocumentType(bytes("%PDF"))).toBeUndefined();
    expect(detectDocumentType(new Uint8Array())).toBeUndefined();
    expect(detectDocumentType(bytes("PK", [3, 4, 20, 0, 6, 0]))).toBeUndefined();
    expect(
      detectDocumentType(Uint8Array.from({ length: 12 }, (_, i) => (i * 37 + 11) % 256)),
    ).toBeUndefined();
  });
});
