import { describe, expect, it, vi } from "vitest";
import { DocumentError } from "../../../../src/app/documents/document-error";
import type { ShrunkPhoto } from "../../../../src/app/documents/photo-canvas";
import {
  type DocumentRules,
  prepareDocument,
  withExtension,
} from "../../../../src/app/documents/prepare-document";

const ALL: DocumentRules = {
  accept: ["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"],
  maxBytes: 5_000_000,
};
const PDF_BYTES = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n";
const JPEG_START = [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1];
const HEIC_START = "\0\0\0\x18ftypheic\0\0\0\0";

/** Stands in for the canvas work, which needs a browser. */
const shrunk: ShrunkPhoto = { photo: new Blob(["small jpeg"]), thumbnail: new Blob(["tiny"]) };
const shrinkTo = (result: ShrunkPhoto | undefined) => vi.fn(async (_photo: Blob) => result);

async function refusal(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe("preparing a chosen file", () => {
  it("keeps a PDF as it is, whatever its name says", async () => {
    const file = new File([PDF_BYTES], "scan.jpg", { type: "image/jpeg" });
    const shrink = shrinkTo(shrunk);
    const prepared = await prepareDocument(file, ALL, shrink);
    expect(prepared).toMatchObject({ name: "scan.pdf", type: "application/pdf", thumbnail: undefined });
    expect(prepared.blob.type).toBe("application/pdf");
    expect(await prepared.blob.text()).toBe(PDF_BYTES);
    expect(shrink).not.toHaveBeenCalled();
  });

  it("refuses a file that is not one of the field's types, even named like a photo", async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    const error = await refusal(
      prepareDocument(new File([random], "photo.jpg", { type: "image/jpeg" }), ALL),
    );
    expect(error.code).toBe("unsupported");
    expect(error.detected).toBeUndefined();
    const pdfOnly: DocumentRules = { accept: ["application/pdf"], maxBytes: 5_000_000 };
    const photo = new File([new Uint8Array(JPEG_START)], "rib.jpg");
    expect(await refusal(prepareDocument(photo, pdfOnly, shrinkTo(shrunk)))).toMatchObject({
      code: "unsupported",
      detected: "image/jpeg",
    });
  });

  it("refuses a PDF over the field's limit, saying its size", async () => {
    const big = new File([PDF_BYTES, new Uint8Array(6_000_000)], "releves.pdf");
    const error = await refusal(prepareDocument(big, ALL));
    expect(error).toMatchObject({ code: "tooLarge", detected: "application/pdf", size: big.size });
  });

  it("shrinks a photo into a JPEG named .jpg, with its thumbnail", async () => {
    const file = new File([HEIC_START, "rest of the photo"], "IMG_0042.HEIC", { type: "image/heic" });
    const shrink = shrinkTo(shrunk);
    expect(await prepareDocument(file, ALL, shrink)).toEqual({
      blob: shrunk.photo,
      name: "IMG_0042.jpg",
      type: "image/jpeg",
      thumbnail: shrunk.thumbnail,
    });
    expect(shrink).toHaveBeenCalledWith(file);
  });

  it("refuses a photo this browser cannot open, saying what it was", async () => {
    const file = new File([HEIC_START], "IMG_0042.HEIC");
    expect(await refusal(prepareDocument(file, ALL, shrinkTo(undefined)))).toMatchObject({
      code: "undecodable",
      detected: "image/heic",
    });
  });

  it("refuses a photo still over the limit once shrunk", async () => {
    const heavy: ShrunkPhoto = { photo: new Blob([new Uint8Array(2_000)]), thumbnail: new Blob(["t"]) };
    const file = new File([new Uint8Array(JPEG_START)], "page.jpg");
    const error = await refusal(prepareDocument(file, { ...ALL, maxBytes: 1_000 }, shrinkTo(heavy)));
    expect(error).toMatchObject({ code: "tooLarge", size: 2_000 });
  });

  it("says when the file's bytes cannot be read (a file left in the cloud)", async () => {
    const file = new File([PDF_BYTES], "avis.pdf");
    vi.spyOn(file, "slice").mockReturnValue({
      arrayBuffer: () => Promise.reject(new DOMException("could not be read", "NotReadableError")),
    } as unknown as Blob);
    expect((await refusal(prepareDocument(file, ALL))).code).toBe("unreadable");
  });
});

describe("a stored file's name", () => {
  it("takes the extension of what it now is", () => {
    expect(withExtension("IMG_0042.HEIC", "jpg")).toBe("IMG_0042.jpg");
    expect(withExtension("avis.2025.png", "jpg")).toBe("avis.2025.jpg");
    expect(withExtension("scan", "pdf")).toBe("scan.pdf");
    expect(withExtension(".jpeg", "jpg")).toBe(".jpeg.jpg");
  });
});
