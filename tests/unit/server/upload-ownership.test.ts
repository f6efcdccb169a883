import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, TUS, uploadIdOf, uploadMetadata } from "./support/documents";
import { errorOf } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const FILE_NAME = "releve-bancaire-Wamytan.pdf";
const RIB = {
  flowId: "bourse-scolaire",
  fieldId: "ribFile",
  filetype: "application/pdf",
  filename: FILE_NAME,
};

describe.each(DATABASES)("an upload belongs to whoever created it, on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  const create = (metadata: Record<string, string> = RIB) =>
    server.app.request("/api/uploads", {
      method: "POST",
      headers: { ...TUS, "Upload-Length": "1000", "Upload-Metadata": uploadMetadata(metadata) },
    });
  const call = (path: string, method: string, offset = 0) =>
    server.app.request(path, {
      method,
      headers: { ...TUS, "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" },
      ...(method === "PATCH" ? { body: documentBytes("application/pdf", 500, 1) } : {}),
    });

  it("answers 404 to HEAD, PATCH and DELETE without the key, or with another one", async () => {
    const created = await create();
    const location = created.headers.get("Location") ?? "";
    const id = uploadIdOf(created);
    const other = uploadIdOf(await create());
    const wrongKeys = [
      `/api/uploads/${id}`,
      `/api/uploads/${id}/${"0".repeat(32)}`,
      `/api/uploads/${id}/short`,
      // The other upload's address, its key given for this id.
      location.replace(id, other),
    ];
    for (const path of wrongKeys)
      for (const method of ["HEAD", "PATCH", "DELETE"]) {
        const response = await call(path, method);
        expect(response.status, `${method} ${path}`).toBe(404);
        if (method !== "HEAD") expect((await errorOf(response)).code).toBe("upload_not_found");
      }
    // Nothing was written or removed: the holder of the key carries on.
    const status = await call(location, "HEAD");
    expect(status.status).toBe(200);
    expect(status.headers.get("Upload-Offset")).toBe("0");
    expect((await call(location, "PATCH")).headers.get("Upload-Offset")).toBe("500");
    expect((await call(location, "DELETE")).status).toBe(204);
    expect(await server.services.documents.inspect(id)).toBeUndefined();
  });

  it("keeps only the key's digest, whatever digest the client claims", async () => {
    const forged = await create({ ...RIB, keySha256: "f".repeat(64) });
    const location = forged.headers.get("Location") ?? "";
    const key = location.split("/").pop() ?? "";
    const stored = await server.services.documents.inspect(uploadIdOf(forged));
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored?.metadata.keySha256).not.toBe("f".repeat(64));
    expect((await call(location, "HEAD")).status).toBe(200);
  });

  it("never answers the file name, nor any metadata", async () => {
    const created = await create();
    const location = created.headers.get("Location") ?? "";
    const responses = [created, await call(location, "HEAD"), await call(location, "PATCH")];
    for (const response of responses) {
      expect(response.headers.get("Upload-Metadata")).toBeNull();
      const all = [...response.headers.values(), await response.text()].join("\n");
      expect(all).not.toContain(FILE_NAME);
      expect(all).not.toContain(Buffer.from(FILE_NAME).toString("base64"));
    }
  });

  it("creates only on the collection: POST at an upload's address is 405", async () => {
    const location = (await create()).headers.get("Location") ?? "";
    const response = await server.app.request(location, {
      method: "POST",
      headers: { ...TUS, "Upload-Length": "10" },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("OPTIONS, HEAD, PATCH, DELETE");
  });
});
