import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeExpiredUploads } from "../../../src/server/documents/expired-uploads";
import { SECURITY_HEADERS } from "../../../src/server/security-headers";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import {
  documentBytes,
  sha256,
  TUS,
  uploadIdOf,
  uploadInTwoSteps,
  uploadMetadata,
  uploadWhole,
} from "./support/documents";
import { errorOf } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const RIB = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" };

describe.each(DATABASES)("uploads (tus) on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  const create = (
    length: number,
    metadata: Record<string, string> = RIB,
    headers: Record<string, string> = {},
  ) =>
    server.app.request("/api/uploads", {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Length": String(length),
        "Upload-Metadata": uploadMetadata(metadata),
        ...headers,
      },
    });
  // Each upload's address, with the key its creation answered.
  const addresses = new Map<string, string>();
  const idOf = (response: Response) => {
    const id = uploadIdOf(response);
    addresses.set(id, response.headers.get("Location") ?? "");
    return id;
  };
  const address = (id: string) => addresses.get(id) ?? `/api/uploads/${id}`;
  const patch = (id: string, offset: number, bytes: Uint8Array<ArrayBuffer>) =>
    server.app.request(address(id), {
      method: "PATCH",
      headers: { ...TUS, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
      body: bytes,
    });
  const head = (id: string) => server.app.request(address(id), { method: "HEAD", headers: TUS });

  it("announces tus 1.0 with creation, creation-with-upload, termination and expiration", async () => {
    const response = await server.app.request("/api/uploads", { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("Tus-Version")).toBe("1.0.0");
    const extensions = response.headers.get("Tus-Extension")?.split(",") ?? [];
    expect(extensions).toEqual(
      expect.arrayContaining(["creation", "creation-with-upload", "termination", "expiration"]),
    );
    expect(extensions).not.toContain("creation-defer-length");
    expect(Number(response.headers.get("Tus-Max-Size"))).toBe(5_000_000);
  });

  it("refuses to create an upload for a page of another site", async () => {
    const response = await create(1000, RIB, { Origin: "https://elsewhere.example" });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("cross_origin");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("creates an upload with a relative address, an expiry date and no cross-origin access", async () => {
    const response = await create(1000, RIB, { Origin: "http://localhost" });
    expect(response.status).toBe(201);
    expect(response.headers.get("Location")).toMatch(/^\/api\/uploads\/[0-9a-f]{32}\/[0-9a-f]{32}$/);
    expect(Date.parse(response.headers.get("Upload-Expires") ?? "")).toBeGreaterThan(
      Date.now() + 6 * 24 * 3600_000,
    );
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("resumes an interrupted upload from the server's offset", async () => {
    const bytes = documentBytes("application/pdf", 300_000, 1);
    const created = await create(bytes.byteLength);
    const id = idOf(created);
    const half = 150_000;
    expect((await patch(id, 0, bytes.subarray(0, half))).headers.get("Upload-Offset")).toBe(String(half));
    const status = await head(id);
    expect(status.status).toBe(200);
    expect(status.headers.get("Upload-Offset")).toBe(String(half));
    expect(status.headers.get("Upload-Length")).toBe(String(bytes.byteLength));
    expect(status.headers.get("Cache-Control")).toBe("no-store");
    // Sending from a wrong offset changes nothing.
    const wrong = await patch(id, 0, bytes.subarray(0, half));
    expect(wrong.status).toBe(409);
    expect((await errorOf(wrong)).code).toBe("upload_offset_conflict");
    const rest = await patch(id, half, bytes.subarray(half));
    expect(rest.status).toBe(204);
    expect(rest.headers.get("Upload-Offset")).toBe(String(bytes.byteLength));
    expect(await server.services.documents.sha256(id)).toBe(sha256(bytes));
    const [record] = (await server.services.uploads.find([id])).values();
    expect(record).toMatchObject({
      status: "complete",
      sha256: sha256(bytes),
      type: "application/pdf",
      size: 300_000,
    });
  });

  it("completes in one request with creation-with-upload", async () => {
    const bytes = documentBytes("image/jpeg", 5000, 2);
    const { response, uploadId } = await uploadWhole(
      server.app,
      { ...RIB, fieldId: "taxNoticeFile", filetype: "image/jpeg" },
      bytes,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("Upload-Offset")).toBe("5000");
    expect((await server.services.uploads.find([uploadId])).get(uploadId)?.type).toBe("image/jpeg");
  });

  it("checks the type from the content when the upload completes, and deletes a refused one", async () => {
    const fake = new TextEncoder().encode("<html><script>alert(1)</script></html>".padEnd(4000, " "));
    const id = await uploadInTwoSteps(server, RIB, fake, 415);
    expect((await head(id)).status).toBe(404);
    expect(await server.services.documents.inspect(id)).toBeUndefined();
    expect((await server.services.uploads.find([id])).get(id)).toMatchObject({
      status: "rejected",
      type: null,
    });

    const whole = await uploadWhole(server.app, RIB, fake);
    expect(whole.response.status).toBe(415);
    expect((await errorOf(whole.response)).code).toBe("document_type");
  });

  it.each([
    ["an unknown flow", { ...RIB, flowId: "nope" }, 400, "unknown_flow"],
    ["an unknown field", { ...RIB, fieldId: "applicantFirstName" }, 400, "unknown_field"],
    ["empty metadata", {}, 400, "invalid_upload"],
    ["metadata without a flow", { fieldId: "ribFile", filetype: "application/pdf" }, 400, "unknown_flow"],
    ["a type the field does not accept", { ...RIB, filetype: "text/html" }, 415, "document_type"],
  ])("refuses to create an upload with %s", async (_, metadata, status, code) => {
    const response = await create(1000, metadata as Record<string, string>);
    expect(response.status).toBe(status);
    expect((await errorOf(response)).code).toBe(code);
  });

  it("refuses to create an upload over the field's maxBytes (413)", async () => {
    const response = await create(5_000_001);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("document_too_large");
  });

  it("needs the length up front and the tus version header", async () => {
    const deferred = await server.app.request("/api/uploads", {
      method: "POST",
      headers: { ...TUS, "Upload-Defer-Length": "1", "Upload-Metadata": uploadMetadata(RIB) },
    });
    expect(deferred.status).toBeGreaterThanOrEqual(400);
    const noVersion = await server.app.request("/api/uploads", {
      method: "POST",
      headers: { "Upload-Length": "10" },
    });
    expect(noVersion.status).toBe(412);
    expect((await errorOf(noVersion)).code).toBe("invalid_upload");
  });

  it("terminates an unfinished upload, never a finished one", async () => {
    const unfinished = idOf(await create(1000));
    const removed = await server.app.request(address(unfinished), {
      method: "DELETE",
      headers: TUS,
    });
    expect(removed.status).toBe(204);
    expect((await head(unfinished)).status).toBe(404);
    const { uploadId, location } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 1000, 3),
    );
    const refused = await server.app.request(location, { method: "DELETE", headers: TUS });
    expect(refused.status).toBe(400);
    expect(await server.services.documents.inspect(uploadId)).toBeDefined();
  });

  it("deletes unfinished uploads past their expiry, not finished ones before their retention", async () => {
    const unfinished = idOf(await create(1000));
    const { uploadId: finished } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 1000, 6),
    );
    const week = 7 * 24 * 3600_000;
    const retention = { expirationMs: week, unclaimedMs: 4 * week };
    expect(await removeExpiredUploads(server.services, retention)).toBe(0);
    expect(
      await removeExpiredUploads(server.services, retention, Date.now() + week + 60_000),
    ).toBeGreaterThan(0);
    expect(await server.services.documents.inspect(unfinished)).toBeUndefined();
    expect(await server.services.documents.inspect(finished)).toBeDefined();
  });

  it("never serves a document back, and ignores ids that are not upload ids", async () => {
    const { uploadId, location } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 1000, 4),
    );
    const read = await server.app.request(location);
    expect(read.status).toBe(405);
    expect(await read.text()).not.toContain("%PDF");
    for (const id of ["..%2F..%2Fpackage.json", "abc", `${uploadId}.json`]) {
      const response = await server.app.request(`/api/uploads/${id}`, { method: "HEAD", headers: TUS });
      expect(response.status).toBe(404);
    }
  });

  it("puts the security headers and no-store on every tus answer", async () => {
    const created = await create(10);
    const responses = [
      created,
      await head(idOf(created)),
      await server.app.request("/api/uploads", { method: "OPTIONS" }),
      await create(10, { ...RIB, filetype: "text/plain" }),
      await head("0".repeat(32)),
    ];
    for (const response of responses) {
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        expect(response.headers.get(name)).toBe(value);
    }
  });

  describe("over a real connection", () => {
    let url: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const listening = serve({ fetch: server.app.fetch, hostname: "127.0.0.1", port: 0 });
      await new Promise<void>((done) => listening.once("listening", done));
      url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
      close = () => new Promise((done) => listening.close(() => done()));
    });
    afterAll(() => close());

    it("keeps the bytes received before the connection was cut, and the rest completes the file exactly", async () => {
      const bytes = documentBytes("image/jpeg", 1_000_000, 5);
      const id = idOf(await create(bytes.byteLength, { ...RIB, filetype: "image/jpeg" }));
      const sent = 400_000;
      // A PATCH announcing the whole file, cut after 400 kB.
      await new Promise<void>((done) => {
        const cut = httpRequest(`${url}${address(id)}`, {
          method: "PATCH",
          headers: {
            ...TUS,
            "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Content-Length": String(bytes.byteLength),
          },
        });
        cut.on("error", () => done());
        cut.write(bytes.subarray(0, sent), () => setTimeout(() => cut.destroy(), 300));
        cut.on("close", () => done());
      });
      let offset = 0;
      for (let attempt = 0; attempt < 50 && offset < sent; attempt++) {
        const response = await fetch(`${url}${address(id)}`, { method: "HEAD", headers: TUS });
        offset = Number(response.headers.get("Upload-Offset"));
        if (offset < sent) await new Promise((r) => setTimeout(r, 100));
      }
      expect(offset).toBe(sent);
      const rest = await fetch(`${url}${address(id)}`, {
        method: "PATCH",
        headers: {
          ...TUS,
          "Upload-Offset": String(offset),
          "Content-Type": "application/offset+octet-stream",
        },
        body: bytes.subarray(offset),
      });
      expect(rest.status).toBe(204);
      // The photo is kept re-encoded; what arrived is what its digest says.
      expect((await server.services.uploads.find([id])).get(id)?.sha256).toBe(sha256(bytes));
    }, 20_000);
  });
});
