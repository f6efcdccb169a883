import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson, sessionCookieOf, signInWithCode, testClock, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const PHONE = {
  "User-Agent":
    "Mozilla/5.0 (Linux; Android 13; SM-A145) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
};
const PC = { "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Gecko/20100101 Firefox/126.0" };

/** Every route that needs a session, as a client would call it. */
const SIGNED_IN_ROUTES: readonly [string, string][] = [
  ["GET", "/api/account"],
  ["GET", "/api/account/sessions"],
  ["DELETE", "/api/account/sessions/00000000-0000-4000-8000-000000000000"],
  ["POST", "/api/account/sign-out-everywhere"],
  ["GET", "/api/account/data"],
  ["DELETE", "/api/account"],
];

describe.each(DATABASES)("sessions and the account's routes on %s", (database) => {
  let server: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer(database, {
      accounts: { sessionIdleMinutes: 60, sessionMaxMinutes: 600 },
      accountOptions: { now: clock.now },
    });
  });
  afterAll(() => server.close());

  const get = (path: string, token: string) => server.app.request(path, { headers: withSession(token) });
  const call = (method: string, path: string, token?: string, headers: Record<string, string> = {}) =>
    server.app.request(path, { method, headers: token ? withSession(token, headers) : headers });

  it("answers 401 not_signed_in on every account route without a session, or with a made-up one", async () => {
    for (const [method, path] of SIGNED_IN_ROUTES) {
      for (const token of [undefined, "bm90LWEtcmVhbC10b2tlbg"]) {
        const response = await call(method, path, token);
        expect(response.status, `${method} ${path}`).toBe(401);
        expect((await errorOf(response)).code).toBe("not_signed_in");
      }
    }
  });

  it("tells whether NC Connect is offered", async () => {
    expect(await (await server.app.request("/api/account/options")).json()).toEqual({ ncConnect: false });
    const oidc = await server.app.request("/api/account/oidc/start");
    expect(oidc.status).toBe(404);
    expect((await errorOf(oidc)).code).toBe("oidc_not_configured");
  });

  it("gives a new token at each sign-in and ends the one the browser had", async () => {
    const first = await signInWithCode(server, "rotate@example.nc");
    const second = await signInWithCode(server, "rotate@example.nc", withSession(first));
    expect(second).not.toBe(first);
    expect((await get("/api/account", first)).status).toBe(401);
    expect((await get("/api/account", second)).status).toBe(200);
  });

  it("ends a session left unused past the idle timeout, not one in use, and any at the absolute one", async () => {
    const idle = await signInWithCode(server, "idle@example.nc");
    const busy = await signInWithCode(server, "busy@example.nc");
    for (let i = 0; i < 5; i++) {
      clock.advanceMinutes(50);
      expect((await get("/api/account", busy)).status).toBe(200);
    }
    expect((await get("/api/account", idle)).status).toBe(401);
    for (let i = 0; i < 6; i++) {
      clock.advanceMinutes(50);
      await get("/api/account", busy);
    }
    // 550 minutes of use, then past 600 after sign-in: over, however active.
    clock.advanceMinutes(55);
    expect((await get("/api/account", busy)).status).toBe(401);
  });

  it("lists one's own sessions, with the device and which one is asking", async () => {
    const phone = await signInWithCode(server, "two-devices@example.nc", PHONE);
    const pc = await signInWithCode(server, "two-devices@example.nc", PC);
    await signInWithCode(server, "someone-else@example.nc");
    const { sessions } = await (await get("/api/account/sessions", pc)).json();
    expect(sessions).toHaveLength(2);
    expect(sessions.map((s: { device: string }) => s.device).sort()).toEqual([
      "Chrome sur Android",
      "Firefox sur Windows",
    ]);
    expect(sessions.find((s: { current: boolean }) => s.current).device).toBe("Firefox sur Windows");
    expect((await get("/api/account/sessions", phone)).status).toBe(200);
  });

  it("never closes another person's session", async () => {
    const mine = await signInWithCode(server, "mine@example.nc");
    const theirs = await signInWithCode(server, "theirs@example.nc");
    const { sessions } = await (await get("/api/account/sessions", theirs)).json();
    const response = await call("DELETE", `/api/account/sessions/${sessions[0].id}`, mine);
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe("session_not_found");
    expect((await get("/api/account", theirs)).status).toBe(200);
  });

  it("signs one device out from another, and signs out everywhere", async () => {
    const phone = await signInWithCode(server, "everywhere@example.nc", PHONE);
    const pc = await signInWithCode(server, "everywhere@example.nc", PC);
    const tablet = await signInWithCode(server, "everywhere@example.nc");
    const other = await signInWithCode(server, "bystander@example.nc");
    const { sessions } = await (await get("/api/account/sessions", pc)).json();
    const phoneSession = sessions.find((s: { device: string }) => s.device === "Chrome sur Android");
    expect((await call("DELETE", `/api/account/sessions/${phoneSession.id}`, pc)).status).toBe(204);
    expect((await get("/api/account", phone)).status).toBe(401);
    expect((await get("/api/account", tablet)).status).toBe(200);

    const out = await call("POST", "/api/account/sign-out-everywhere", tablet);
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().join()).toMatch(/__Host-pap_session=;/);
    expect((await get("/api/account", pc)).status).toBe(401);
    expect((await get("/api/account", tablet)).status).toBe(401);
    expect((await get("/api/account", other)).status).toBe(200);
  });

  it("signs out the device asking", async () => {
    const token = await signInWithCode(server, "out@example.nc");
    const response = await call("POST", "/api/account/sign-out", token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    expect((await get("/api/account", token)).status).toBe(401);
  });

  it("refuses a state-changing request that a browser says comes from another site", async () => {
    const token = await signInWithCode(server, "csrf@example.nc");
    const foreign: Record<string, string>[] = [
      { Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
    ];
    for (const headers of foreign) {
      for (const [method, path] of [
        ["POST", "/api/account/sign-out-everywhere"],
        ["DELETE", "/api/account"],
        ["POST", "/api/account/code"],
      ] as const) {
        const response = await call(method, path, token, headers);
        expect(response.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect((await errorOf(response)).code).toBe("cross_origin");
      }
      const put = await putSubmission(server.app, newId(), {}, headers);
      expect(put.status).toBe(403);
    }
    expect((await get("/api/account", token)).status).toBe(200);
    const same = await call("POST", "/api/account/sign-out", token, {
      Origin: "http://localhost",
      "Sec-Fetch-Site": "same-origin",
    });
    expect(same.status).toBe(200);
  });

  it("gives a person their own data only, as a file", async () => {
    const token = await signInWithCode(server, "data@example.nc", PHONE);
    await signInWithCode(server, "not-in-my-data@example.nc");
    const response = await get("/api/account/data", token);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[^"]+\.json"$/);
    const data = await response.json();
    expect(data.account.signIn).toEqual({ method: "code", channel: "email", address: "data@example.nc" });
    expect(data.sessions).toEqual([expect.objectContaining({ device: "Chrome sur Android" })]);
    expect(data.signInEvents.map((e: { kind: string }) => e.kind)).toContain("sign_in_succeeded");
    expect(JSON.stringify(data)).not.toContain("not-in-my-data");
  });

  it("deletes an account: its sessions end, its sent requests stay with the administration", async () => {
    const token = await signInWithCode(server, "leaving@example.nc");
    const other = await signInWithCode(server, "staying@example.nc");
    const { id: accountId } = await (await get("/api/account", token)).json();
    const { id: otherId } = await (await get("/api/account", other)).json();
    const db = server.services.database.db;
    const requestIds = [newId(), newId()];
    // Two requests already sent, one of them attached to each account.
    for (const id of requestIds)
      await db
        .insertInto("submissions")
        .values({
          id,
          flow_id: "bourse-scolaire",
          flow_version: 1,
          reference: `BS-TEST-${id.slice(0, 8)}`,
          body_sha256: "0".repeat(64),
          answers: "{}",
          received_at: clock.now().toISOString(),
          status: "received",
        })
        .execute();
    expect(await server.services.requests.attachOwner(requestIds[0] as string, accountId)).toBe(true);
    expect(await server.services.requests.attachOwner(requestIds[1] as string, otherId)).toBe(true);
    const data = await (await get("/api/account/data", token)).json();
    expect(data.requests.map((r: { id: string }) => r.id)).toEqual([requestIds[0]]);

    const deleted = await call("DELETE", "/api/account", token);
    expect(deleted.status).toBe(200);
    expect((await get("/api/account", token)).status).toBe(401);
    const requests = await db
      .selectFrom("submissions")
      .select(["id", "owner_account_id"])
      .where("id", "in", requestIds)
      .execute();
    const owners = Object.fromEntries(requests.map((r) => [r.id, r.owner_account_id]));
    expect(owners).toEqual({ [requestIds[0] as string]: null, [requestIds[1] as string]: otherId });
    expect((await get("/api/account", other)).status).toBe(200);
    // Signing in again with the same address starts a new, empty account.
    const again = await signInWithCode(server, "leaving@example.nc");
    expect((await (await get("/api/account", again)).json()).id).not.toBe(accountId);
  });

  it("answers a bad sign-in body with a plain error, never a server error", async () => {
    for (const body of [{}, { address: 3 }, { address: "x".repeat(300) }]) {
      const response = await postJson(server.app, "/api/account/code", body);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe("invalid_body");
    }
    const check = await postJson(server.app, "/api/account/code/check", { attemptId: "x", code: "12a456" });
    expect((await errorOf(check)).code).toBe("invalid_body");
    expect(sessionCookieOf(check)).toBeUndefined();
  });
});
