/**
 * TRUST_PROXY: behind reverse proxies, the per-client limits count each client by the forwarded
 * address the setting says to believe; without it, by the connection's address, whatever a
 * client writes in X-Forwarded-For. A bad value stops the start with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../../src/server/config";
import { clientAddressOf, readTrustProxy, type TrustProxy } from "../../../src/server/trust-proxy";
import { fromClient } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { startMainUntilExit } from "./support/start-main";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

describe("reading TRUST_PROXY", () => {
  it("trusts no proxy by default, or with 0", () => {
    expect(readConfig({}).trustProxy).toEqual({ kind: "none" });
    expect(readTrustProxy("0")).toEqual({ kind: "none" });
  });

  it("reads a number of proxies, or a list of their addresses", () => {
    expect(readTrustProxy(" 2 ")).toEqual({ kind: "hops", hops: 2 });
    expect(readTrustProxy("10.0.0.5, ::ffff:10.0.0.6,2001:db8::1")).toEqual({
      kind: "addresses",
      addresses: new Set(["10.0.0.5", "10.0.0.6", "2001:db8::1"]),
    });
  });

  it("refuses anything else, saying what is expected", () => {
    expect(() => readTrustProxy("yes")).toThrow(/TRUST_PROXY must be a number of proxies.*"yes"/);
    expect(() => readTrustProxy("10.0.0.0/8")).toThrow(/not IP addresses: "10.0.0.0\/8"/);
    expect(() => readTrustProxy("11")).toThrow(/at most 10/);
  });

  // Starting the real entry point takes seconds on a busy machine, as in config.test.ts.
  it("stops the start with exit code 1 and the message", { timeout: 60_000 }, () => {
    const result = startMainUntilExit({ TRUST_PROXY: "load-balancer" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TRUST_PROXY must be a number of proxies (like 1)");
    expect(result.stdout).not.toContain("listening");
  });
});

describe("the client's address", () => {
  const none: TrustProxy = { kind: "none" };
  const oneHop = readTrustProxy("1");
  const listed = readTrustProxy("10.0.0.5,10.0.0.6");

  it("is the connection's without TRUST_PROXY, whatever the header says", () => {
    expect(clientAddressOf(none, "203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
  });

  it("is the address that many hops back, with a number", () => {
    expect(clientAddressOf(oneHop, "10.0.0.5", "198.51.100.9, 198.51.100.1")).toBe("198.51.100.1");
    expect(clientAddressOf(readTrustProxy("2"), "10.0.0.5", "198.51.100.9, 10.0.0.4")).toBe("198.51.100.9");
    // Fewer addresses than proxies: the farthest known.
    expect(clientAddressOf(readTrustProxy("3"), "10.0.0.5", "198.51.100.9")).toBe("198.51.100.9");
    expect(clientAddressOf(oneHop, "::ffff:10.0.0.5", undefined)).toBe("10.0.0.5");
  });

  it("is the first address not of a listed proxy, read only from a listed proxy's connection", () => {
    expect(clientAddressOf(listed, "10.0.0.5", "198.51.100.9, 198.51.100.1, 10.0.0.6")).toBe("198.51.100.1");
    // A client reaching the server around the proxy cannot choose its address.
    expect(clientAddressOf(listed, "203.0.113.7", "198.51.100.1")).toBe("203.0.113.7");
    // Garbage in the header is skipped, not taken for an address.
    expect(clientAddressOf(listed, "10.0.0.5", "not-an-ip")).toBe("10.0.0.5");
  });
});

describe.each(DATABASES)("per-client limits behind a proxy on %s", (database) => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));
  const start = async (trustProxy?: TrustProxy) => {
    const server = await startTestServer(database, {
      accounts: { codesPerClientPerHour: 2 },
      ...(trustProxy ? { trustProxy } : {}),
    });
    servers.push(server);
    return server;
  };
  let n = 0;
  /** A code asked for a new address, through the proxy at 10.0.0.5, for the client `forwarded`. */
  const ask = (server: TestServer, forwarded: string) =>
    server.app.request(
      "/api/account/code",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Forwarded-For": forwarded },
        body: JSON.stringify({ address: `proxy-${n++}@example.nc` }),
      },
      fromClient("10.0.0.5"),
    );

  let behind: TestServer;
  let direct: TestServer;
  beforeAll(async () => {
    behind = await start(readTrustProxy("10.0.0.5"));
    direct = await start();
  });

  it("counts each forwarded client on its own with TRUST_PROXY", async () => {
    expect((await ask(behind, "198.51.100.1")).status).toBe(202);
    expect((await ask(behind, "198.51.100.1")).status).toBe(202);
    expect((await ask(behind, "198.51.100.1")).status).toBe(429);
    expect((await ask(behind, "198.51.100.2")).status).toBe(202);
  });

  it("counts everyone behind the proxy as one client without it", async () => {
    expect((await ask(direct, "198.51.100.1")).status).toBe(202);
    expect((await ask(direct, "198.51.100.2")).status).toBe(202);
    expect((await ask(direct, "198.51.100.3")).status).toBe(429);
  });
});
