/**
 * POST/GET /api/handoffs on each database: a package is stored as sent, given once, refused
 * once used, expired or unknown, each with its code, and guessing is capped per client.
 */
import { randomBytes } from "node:crypto";
import * as v from "valibot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_HANDOFF_LIMITS, type HandoffLimits } from "../../../src/server/handoffs/handoff-limits";
import { apiErrorOf } from "../../../src/shared/api/error-codes";
import { HandoffCreatedSchema } from "../../../src/shared/api/handoff";
import { fromClient } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const post = (
  server: TestServer,
  body: Uint8Array<ArrayBuffer>,
  client = "203.0.113.1",
  type = "application/octet-stream",
) =>
  server.app.request(
    "/api/handoffs",
    {
      method: "POST",
      headers: { "Content-Type": type },
      body,
    },
    fromClient(client),
  );

const fetchPackage = (server: TestServer, locator: string, client = "203.0.113.2") =>
  server.app.request(`/api/handoffs/${locator}`, {}, fromClient(client));

async function codeOf(response: Response): Promise<string | undefined> {
  return apiErrorOf(await response.json())?.code;
}

describe.each(DATABASES)("hand-off packages on %s", (database) => {
  let server: TestServer;
  const limits: { -readonly [K in keyof HandoffLimits]: HandoffLimits[K] } = {
    ...DEFAULT_HANDOFF_LIMITS,
    maxBytes: 64 * 1024,
  };
  beforeAll(async () => {
    // Every address is believed, so each test is its own client.
    server = await startTestServer(database, {
      handoffLimits: limits,
      trustProxy: { kind: "hops", hops: 1 },
    });
  });
  afterAll(() => server.close());

  async function leave(bytes: Uint8Array<ArrayBuffer>, client?: string): Promise<string> {
    const response = await post(server, bytes, client);
    expect(response.status).toBe(201);
    return v.parse(HandoffCreatedSchema, await response.json()).locator;
  }

  it("gives the bytes back once, then says the package was used", async () => {
    const bytes = new Uint8Array(randomBytes(5000));
    const locator = await leave(bytes);
    const first = await fetchPackage(server, locator);
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("application/octet-stream");
    expect(new Uint8Array(await first.arrayBuffer())).toEqual(bytes);
    const second = await fetchPackage(server, locator);
    expect(second.status).toBe(410);
    expect(await codeOf(second)).toBe("handoff_used");
  });

  it("keeps no bytes of an imported package", async () => {
    const locator = await leave(new Uint8Array(randomBytes(100)));
    await fetchPackage(server, locator);
    const rows = await server.services.database.db
      .selectFrom("handoff_packages")
      .select(["ciphertext", "imported_at"])
      .where("imported_at", "is not", null)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.ciphertext === null)).toBe(true);
  });

  it("gives a package to one of two simultaneous imports only", async () => {
    const locator = await leave(new Uint8Array(randomBytes(100)));
    const answers = await Promise.all([fetchPackage(server, locator), fetchPackage(server, locator)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
  });

  it("takes the locator only as the browser sends it, in capitals", async () => {
    const locator = await leave(new Uint8Array(randomBytes(100)));
    expect((await fetchPackage(server, locator.toLowerCase())).status).toBe(404);
    // Lower case is not a locator: the browser normalises what is typed before asking.
    expect((await fetchPackage(server, locator)).status).toBe(200);
  });

  it("says an expired package has expired, and the cleanup empties then removes it", async () => {
    const locator = await leave(new Uint8Array(randomBytes(100)));
    const db = server.services.database.db;
    const past = new Date(Date.now() - 1000).toISOString();
    await db
      .updateTable("handoff_packages")
      .set({ expires_at: past })
      .where("imported_at", "is", null)
      .execute();
    const expired = await fetchPackage(server, locator);
    expect(expired.status).toBe(410);
    expect(await codeOf(expired)).toBe("handoff_expired");
    await server.services.handoffs.removeExpired();
    const left = await db
      .selectFrom("handoff_packages")
      .select("ciphertext")
      .where("expires_at", "=", past)
      .execute();
    expect(left.every((row) => row.ciphertext === null)).toBe(true);
    expect(await codeOf(await fetchPackage(server, locator))).toBe("handoff_expired");
    const longAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
    await db
      .updateTable("handoff_packages")
      .set({ expires_at: longAgo })
      .where("expires_at", "=", past)
      .execute();
    await server.services.handoffs.removeExpired();
    expect(
      await db.selectFrom("handoff_packages").select("id").where("expires_at", "=", longAgo).execute(),
    ).toEqual([]);
  });

  it("answers 404 for an unknown locator, and 429 after too many wrong ones from one client", async () => {
    const guesser = "198.51.100.7";
    const real = await leave(new Uint8Array(randomBytes(100)));
    for (let i = 0; i < limits.missesPerHour; i++) {
      const miss = await fetchPackage(server, i % 2 ? "2345678923" : "not-a-locator", guesser);
      expect(miss.status).toBe(404);
      expect(await codeOf(miss)).toBe("handoff_not_found");
    }
    const refused = await fetchPackage(server, real, guesser);
    expect(refused.status).toBe(429);
    expect(await codeOf(refused)).toBe("too_many_attempts");
    expect(refused.headers.get("Retry-After")).toBe("3600");
    // Another client is not held back, and the package is still there for it.
    expect((await fetchPackage(server, real, "198.51.100.8")).status).toBe(200);
  });

  it("refuses what is not a package: wrong type, too short, too big", async () => {
    const wrongType = await post(server, new Uint8Array(100), undefined, "application/json");
    expect(wrongType.status).toBe(415);
    const short = await post(server, new Uint8Array(10));
    expect(short.status).toBe(400);
    expect(await codeOf(short)).toBe("invalid_body");
    const big = await post(server, new Uint8Array(limits.maxBytes + 1));
    expect(big.status).toBe(413);
    expect(await codeOf(big)).toBe("body_too_large");
  });

  it("limits how many packages one client leaves each hour", async () => {
    limits.perClientPerHour = 3;
    try {
      const client = "192.0.2.50";
      for (let i = 0; i < 3; i++) expect((await post(server, new Uint8Array(100), client)).status).toBe(201);
      const refused = await post(server, new Uint8Array(100), client);
      expect(refused.status).toBe(429);
      expect(await codeOf(refused)).toBe("too_many_handoffs");
      expect((await post(server, new Uint8Array(100), "192.0.2.51")).status).toBe(201);
    } finally {
      limits.perClientPerHour = DEFAULT_HANDOFF_LIMITS.perClientPerHour;
    }
  });

  it("does not let a HEAD use a package up", async () => {
    const locator = await leave(new Uint8Array(randomBytes(100)));
    expect((await server.app.request(`/api/handoffs/${locator}`, { method: "HEAD" })).status).toBe(405);
    expect((await fetchPackage(server, locator)).status).toBe(200);
  });
});
