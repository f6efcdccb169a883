import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app";
import { STRICT_TRANSPORT_SECURITY } from "../../../src/server/security-headers";
import { createDistFixture } from "./dist-fixture";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { TUS, uploadMetadata } from "./support/documents";
import { errorOf, newId } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const RIB = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" };

describe.each(DATABASES)("answers to what the server does not offer, on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it.each([
    ["Upload-Concat partial", { "Upload-Concat": "partial", "Upload-Length": "1000" }],
    ["Upload-Concat final", { "Upload-Concat": "final;/api/uploads/a /api/uploads/b" }],
    ["Upload-Defer-Length with Upload-Length", { "Upload-Defer-Length": "1", "Upload-Length": "1000" }],
    ["Upload-Defer-Length alone", { "Upload-Defer-Length": "1" }],
  ])("refuses %s with 400 invalid_upload, not a 5xx", async (_name, headers) => {
    const response = await server.app.request("/api/uploads", {
      method: "POST",
      headers: { ...TUS, "Upload-Metadata": uploadMetadata(RIB), ...headers },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_upload");
  });

  it.each(["POST", "DELETE", "PATCH", "OPTIONS"])(
    "answers %s on a submission with 405 and the methods it takes",
    async (method) => {
      const response = await server.app.request(`/api/submissions/${newId()}`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, HEAD, PUT");
      expect((await errorOf(response)).code).toBe("method_not_allowed");
    },
  );
});

describe("the build's internals and transport headers", () => {
  const fixture = createDistFixture();
  mkdirSync(join(fixture.distDir, ".vite"));
  writeFileSync(join(fixture.distDir, ".vite", "manifest.json"), '{"src/app/main.ts":{}}');
  afterAll(() => fixture.remove());

  it.each(["/.vite/manifest.json", "/.vite/", "/.vite/anything"])("does not serve %s (404)", async (path) => {
    const response = await createApp({ distDir: fixture.distDir }).request(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("src/app");
  });

  it("asks the browser for no powerful feature", async () => {
    const response = await createApp({ distDir: fixture.distDir }).request("/");
    expect(response.headers.get("Permissions-Policy")).toMatch(/camera=\(\).*geolocation=\(\)/);
  });

  it("sends HSTS only when told it is behind TLS", async () => {
    const plain = await createApp({ distDir: fixture.distDir }).request("/");
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
    const tls = await createApp({ distDir: fixture.distDir, behindTls: true }).request("/api/nothing");
    expect(tls.headers.get("Strict-Transport-Security")).toBe(STRICT_TRANSPORT_SECURITY);
  });
});
