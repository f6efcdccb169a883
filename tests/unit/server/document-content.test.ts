import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfVerdict } from "../../../src/server/documents/pdf-active-content";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { sha256, uploadDocumentsOf, uploadInTwoSteps, uploadWhole } from "./support/documents";
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
