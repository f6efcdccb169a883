import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app";
import { SECURITY_HEADERS } from "../../../src/server/security-headers";
import { ASSET_PATH, createDistFixture, INDEX_HTML, LARGE_ASSET_PATH, SHELL_HTML } from "./dist-fixture";
import { startTestServer, type TestServer } from "./support/test-server";

let app: Hono;
let server: TestServer;
let remove: () => void;

beforeAll(async () => {
  const fixture = createDistFixture();
  remove = fixture.remove;
  server = await startTestServer("SQLite");
  app = createApp({ distDir: fixture.distDir }, server.services);
});
afterAll(async () => {
  remove();
  await server.close();
});

describe("security headers", () => {
  const requests: [string, RequestInit?][] = [
    ["/"],
    ["/demarches/bourse-scolaire"],
    [ASSET_PATH],
    ["/favicon.svg"],
    ["/missing.js"],
    ["/api/health"],
    ["/api/nothing-here"],
    ["/", { method: "POST" }],
    ["/", { method: "HEAD" }],
  ];

  it.each(requests)("are on the response to %s", async (path, init) => {
    const response = await app.request(path, init);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(response.headers.get(name), name).toBe(value);
    }
  });

  it("are on a 304 Not Modified too", async () => {
    const first = await app.request("/");
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    const second = await app.request("/", { headers: { "If-None-Match": etag ?? "" } });
    expect(second.status).toBe(304);
    expect(second.headers.get("Content-Security-Policy")).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
  });

  it("forbid inline scripts and styles", () => {
    const csp = SECURITY_HEADERS["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain("unsafe-inline");
  });
});

describe("static files", () => {
  it("serves index.html (the prerendered catalogue) at / without long caching", async () => {
    const response = await app.request("/");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it("caches hashed assets for a year", async () => {
    const response = await app.request(ASSET_PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });

  it("gives other files their content type and revalidation", async () => {
    const response = await app.request("/favicon.svg");
    expect(response.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
  });

  it("compresses text files for browsers that accept gzip", async () => {
    const response = await app.request(LARGE_ASSET_PATH, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(response.headers.get("Vary")).toContain("Accept-Encoding");
  });

  it("answers 404 for a missing file instead of the page", async () => {
    expect((await app.request("/missing.js")).status).toBe(404);
    expect((await app.request("/assets/gone-1234.js")).status).toBe(404);
  });

  it("does not serve files outside dist", async () => {
    for (const path of [
      "/..%2f..%2fetc%2fpasswd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/assets/..%5c..%5cpackage.json",
    ]) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain("root:");
      expect([200, 404]).toContain(response.status);
    }
  });
});

describe("page fallback", () => {
  it.each(["/demarches/bourse-scolaire", "/brouillons", "/a/b/c/"])(
    "serves the empty shell, not the catalogue, for %s",
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(response.headers.get("Cache-Control")).toBe("no-cache");
      expect(await response.text()).toBe(SHELL_HTML);
    },
  );

  it("is not used for other methods", async () => {
    expect((await app.request("/demarches", { method: "POST" })).status).toBe(404);
  });
});

describe("api", () => {
  it("reports health", async () => {
    const response = await app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "sqlite" });
  });

  it("answers 503 JSON on a static-only server (no services)", async () => {
    const fixture = createDistFixture();
    const staticOnly = createApp({ distDir: fixture.distDir });
    const response = await staticOnly.request("/api/health");
    expect(response.status).toBe(503);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect((await response.json()) as unknown).toMatchObject({ error: { code: "database_unavailable" } });
    expect((await staticOnly.request("/")).status).toBe(200);
    fixture.remove();
  });

  it.each([
    ["GET", "/api/unknown"],
    ["POST", "/api/submissions"],
    ["GET", "/api"],
  ])("answers JSON 404 to %s %s", async (method, path) => {
    const response = await app.request(path, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toEqual(expect.any(String));
  });
});
