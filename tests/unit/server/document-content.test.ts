import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settleFinishedUpload } from "../../../src/server/documents/finished-upload";
import { pdfVerdict } from "../../../src/server/documents/pdf-active-content";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import {
  documentBytes,
  sha256,
  TUS,
  uploadDocumentsOf,
  uploadInTwoSteps,
  uploadWhole,
} from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const RIB = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" };
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** A small PDF whose catalogue holds `catalogue`; with `inStream`, it sits in a deflated object stream. */
function pdf(catalogue: string, inStream = false): Uint8Array<ArrayBuffer> {
  const object = `<< /Type /Catalog /Pages 2 0 R ${catalogue} >>`;
  if (!inStream)
    return bytes(
      `%PDF-1.7\n1 0 obj\n${object}\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    );
  const packed = deflateSync(Buffer.from(`1 0 ${object}`, "latin1"));
  const head = bytes(
    `%PDF-1.7\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
  );
  const tail = bytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
  const all = new Uint8Array(head.length + packed.length + tail.length);
  all.set(head);
  all.set(packed, head.length);
  all.set(tail, head.length + packed.length);
  return all;
}

describe("PDF active content", () => {
  it.each([
    ["JavaScript", "/Names << /JavaScript 5 0 R >>"],
    ["JS", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"],
    ["OpenAction", "/OpenAction [3 0 R /Fit]"],
    ["Launch", "/OpenAction << /S /Launch /F (cmd.exe) >>"],
    ["EmbeddedFiles", "/Names << /EmbeddedFiles 6 0 R >>"],
    ["AA", "/AA << /O 7 0 R >>"],
    ["an escaped name", "/Names << /J#61vaScript 5 0 R >>"],
  ])("finds %s in the file and inside a deflated object stream", (_name, catalogue) => {
    expect(pdfVerdict(pdf(catalogue))).toBe("active");
    expect(pdfVerdict(pdf(catalogue, true))).toBe("active");
  });

  it("accepts a plain PDF, and names that only start like an active one", () => {
    expect(pdfVerdict(pdf(""))).toBe("safe");
    expect(pdfVerdict(pdf("/JSON 3 0 R /AAA 4 0 R", true))).toBe("safe");
  });

  it("says an encrypted PDF cannot be checked", () => {
    expect(pdfVerdict(pdf("/Encrypt 9 0 R"))).toBe("encrypted");
  });
});

describe.each(DATABASES)("documents with active content, on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it.each([
    ["JavaScript run at opening", pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>")],
    ["an embedded file in an object stream", pdf("/Names << /EmbeddedFiles 6 0 R >>", true)],
    ["encryption", pdf("/Encrypt 9 0 R")],
  ])(
    "refuses a PDF with %s (415 document_unsafe, in plain French) and deletes it",
    async (_name, content) => {
      const { response } = await uploadWhole(server.app, RIB, content);
      expect(response.status).toBe(415);
      const error = await errorOf(response);
      expect(error.code).toBe("document_unsafe");
      expect(error.message).toMatch(/PDF.*photo/);
      const uploadId = await uploadInTwoSteps(server, RIB, content, 415);
      expect(await server.services.documents.inspect(uploadId)).toBeUndefined();
      expect((await server.services.uploads.find([uploadId])).get(uploadId)?.status).toBe("unsafe");
    },
  );

  it("refuses a request naming such a PDF with document_unsafe, and takes a plain one", async () => {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const body = { flowId: "bourse-scolaire", flowVersion: 1, ...uploaded };
    const rib = body.documents.find((d) => d.fieldId === "ribFile");
    if (!rib) throw new Error("The example has no bank details");
    const short = pdf("/AA << /O 7 0 R >>");
    const active = new Uint8Array(2048).fill(0x20);
    active.set(short);
    const uploadId = await uploadInTwoSteps(server, RIB, active, 415);
    const withActive = JSON.parse(
      JSON.stringify(body).replaceAll(rib.uploadId, uploadId).replace(rib.sha256, sha256(active)),
    );
    const refused = await putSubmission(server.app, newId(), withActive);
    expect(refused.status).toBe(409);
    const error = await errorOf(refused);
    expect(error.code).toBe("document_unsafe");
    expect(error.uploadIds).toEqual([uploadId]);
    expect((await putSubmission(server.app, newId(), body)).status).toBe(201);
  });
});

const PHOTO = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "image/jpeg" };
const HTML =
  "<html><body><script>fetch('/api/account').then(r => r.text()).then(alert)</script></body></html>";

/** A 64×48 photo taken sideways (EXIF orientation 6) with a GPS position, then `tail`, to `size` bytes. */
async function photoWithGps(
  tail: string,
  size: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; exif: Buffer }> {
  const jpeg = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } },
  })
    .jpeg()
    // sharp names the GPS directory IFD3.
    .withExif({ IFD0: { Make: "Phone" }, IFD3: { GPSLatitudeRef: "S", GPSMapDatum: "WGS-84 Noumea" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(jpeg);
  bytes.set(Buffer.from(tail, "latin1"), jpeg.length);
  return { bytes, exif: (await sharp(jpeg).metadata()).exif ?? Buffer.alloc(0) };
}

/** A real 8×8 JPEG whose frame header says 20,000 × 20,000: 400 megapixels once decoded. */
function pixelBomb(): Uint8Array<ArrayBuffer> {
  const bytes = documentBytes("image/jpeg", 2048, 1);
  const frame = Buffer.from(bytes.buffer).indexOf(Buffer.from([0xff, 0xc0]));
  new DataView(bytes.buffer).setUint16(frame + 5, 20_000);
  new DataView(bytes.buffer).setUint16(frame + 7, 20_000);
  return bytes;
}

/** The start of a JPEG, then nothing a decoder can read. */
function damagedJpeg(): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2048).fill(0x41);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

const storedBytes = async (server: TestServer, id: string) => {
  const upload = await server.services.documents.inspect(id);
  return Buffer.from(await server.services.documents.readHead(id, upload?.size ?? 0));
};

describe.each(DATABASES)("photos are re-encoded before they are kept, on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it("keeps a JPEG followed by HTML as a clean JPEG: the HTML, EXIF and GPS gone, the page upright", async () => {
    const { bytes, exif } = await photoWithGps(HTML, 4096);
    expect(exif.includes("WGS-84 Noumea")).toBe(true);
    const { response, uploadId, location } = await uploadWhole(server.app, PHOTO, bytes);
    expect(response.status).toBe(201);

    const kept = await storedBytes(server, uploadId);
    expect(kept.includes("<html")).toBe(false);
    expect(kept.includes("WGS-84")).toBe(false);
    expect([...kept.subarray(-2)]).toEqual([0xff, 0xd9]);
    const metadata = await sharp(kept).metadata();
    expect(metadata).toMatchObject({ format: "jpeg", width: 48, height: 64 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();

    // What the client sent is what the server says it received; asking again, it is finished.
    const record = (await server.services.uploads.find([uploadId])).get(uploadId);
    expect(record).toMatchObject({
      status: "complete",
      type: "image/jpeg",
      size: 4096,
      sha256: sha256(bytes),
    });
    const head = await server.app.request(location, { method: "HEAD", headers: TUS });
    expect(head.headers.get("Upload-Offset")).toBe(head.headers.get("Upload-Length"));
    expect(Number(head.headers.get("Upload-Length"))).toBe(kept.length);
  });

  it("checks a re-encoded photo again (after a crash) without mistaking it for what arrived", async () => {
    const { bytes } = await photoWithGps(HTML, 3000);
    const { uploadId } = await uploadWhole(server.app, PHOTO, bytes);
    const kept = await storedBytes(server, uploadId);
    const upload = await server.services.documents.inspect(uploadId);
    if (!upload) throw new Error("The photo was not kept");
    const again = await settleFinishedUpload(server.services, upload);
    expect(again).toMatchObject({ status: "complete", size: 3000, sha256: sha256(bytes) });
    expect(await storedBytes(server, uploadId)).toEqual(kept);
  });

  it("records a request naming the photo by the digest and size the device computed", async () => {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const photos = uploaded.documents.filter((d) => d.type === "image/jpeg");
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) {
      const kept = await storedBytes(server, photo.uploadId);
      expect(kept.length).not.toBe(2048);
      expect((await sharp(kept).metadata()).format).toBe("jpeg");
    }
    const body = { flowId: "bourse-scolaire", flowVersion: 1, ...uploaded };
    expect((await putSubmission(server.app, newId(), body)).status).toBe(201);
  });

  it("refuses a decompression bomb with 413 document_too_many_pixels, in plain French, and deletes it", async () => {
    const bomb = pixelBomb();
    const { response } = await uploadWhole(server.app, PHOTO, bomb);
    expect(response.status).toBe(413);
    const error = await errorOf(response);
    expect(error.code).toBe("document_too_many_pixels");
    expect(error.message).toMatch(/trop grande.*photo plus petite/);
    const uploadId = await uploadInTwoSteps(server, PHOTO, bomb, 413);
    expect(await server.services.documents.inspect(uploadId)).toBeUndefined();
    expect((await server.services.uploads.find([uploadId])).get(uploadId)?.status).toBe("too_many_pixels");
  });

  it.each([
    ["a damaged JPEG", "image/jpeg", damagedJpeg()],
    ["a HEIC photo (the server cannot read HEIC)", "image/heic", documentBytes("image/heic", 2048, 6)],
  ])(
    "refuses %s with 415 document_unreadable, telling the person what to send",
    async (_name, filetype, bytes) => {
      const { response } = await uploadWhole(server.app, { ...PHOTO, filetype }, bytes);
      expect(response.status).toBe(415);
      const error = await errorOf(response);
      expect(error.code).toBe("document_unreadable");
      expect(error.message).toMatch(/Envoyez une photo JPEG ou un PDF/);
      const uploadId = await uploadInTwoSteps(server, { ...PHOTO, filetype }, bytes, 415);
      expect((await server.services.uploads.find([uploadId])).get(uploadId)?.status).toBe("unreadable");
      expect(await server.services.documents.inspect(uploadId)).toBeUndefined();
    },
  );

  it("refuses a request naming a refused photo with its code", async () => {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 2048 });
    const photo = uploaded.documents.find((d) => d.type === "image/jpeg");
    if (!photo) throw new Error("The example has no photo");
    const bomb = pixelBomb();
    const uploadId = await uploadInTwoSteps(server, { ...PHOTO, fieldId: photo.fieldId }, bomb, 413);
    const body = JSON.parse(
      JSON.stringify({ flowId: "bourse-scolaire", flowVersion: 1, ...uploaded })
        .replaceAll(photo.uploadId, uploadId)
        .replace(photo.sha256, sha256(bomb)),
    );
    const refused = await putSubmission(server.app, newId(), body);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("document_too_many_pixels");
  });
});
