import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DATABASES, POSTGRES_SKIPPED, reportSkippedPostgres } from "./support/databases";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();
// Said once, plainly, in the output of the whole run (the other files only show a skipped suite).
if (!DATABASES.includes("PostgreSQL"))
  console.warn(`${POSTGRES_SKIPPED}. CI sets it; set it to run the server tests on PostgreSQL too.`);

describe.each(DATABASES)("health and flows on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it("reports health and which database it uses", async () => {
    const response = await server.app.request("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      database: database === "SQLite" ? "sqlite" : "postgres",
    });
  });

  it("lists the procedures with their current version and French title", async () => {
    const response = await server.app.request("/api/flows");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { id: "aide-medicale", version: 2, title: "Aide médicale" },
      { id: "bourse-scolaire", version: 2, title: "Bourse scolaire" },
    ]);
  });

  it("answers 500 internal_error JSON to an unexpected failure and keeps serving", async () => {
    const find = vi
      .spyOn(server.services.submissions, "find")
      .mockRejectedValueOnce(new Error("disk on fire"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await server.app.request("/api/submissions/7b0f6a8e-3c1d-4f7a-9b2e-1a2b3c4d5e6f");
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.any(String) } });
    expect(text).not.toContain("disk on fire");
    expect(text).not.toMatch(/at .*\.ts/);
    expect(logged.mock.calls.flat().join(" ")).toContain("GET /api/submissions/:id failed");
    expect(logged.mock.calls.flat().join(" ")).not.toContain("7b0f6a8e");
    logged.mockRestore();
    find.mockRestore();
    expect((await server.app.request("/api/health")).status).toBe(200);
  });

  it("answers 503 when the database does not answer", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await startTestServer(database);
    await broken.services.database.close();
    const response = await broken.app.request("/api/health");
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("database_unavailable");
    logged.mockRestore();
    await broken.close();
  });
});
