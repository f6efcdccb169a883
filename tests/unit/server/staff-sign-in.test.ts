import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotpCode } from "../../../src/server/staff/totp";
import { cookieOf, createStaffAccount, STAFF_COOKIE, staffSignIn } from "../../support/staff-accounts";
import { fromClient, postJson, testClock } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { errorOf } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const PENDING = "__Host-pas-staff-pending";

describe.each(DATABASES)("staff sign-in on %s", (database) => {
  let server: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    server = await startTestServer(database, {
      accountOptions: { now: clock.now },
      staff: { sessionIdleMinutes: 30 },
    });
  });
  afterAll(() => server.close());

  const email = () => `agent-${randomUUID().slice(0, 8)}@province-sud.nc`;
  const agent = (roles: ("agent" | "administrator" | "mediator")[] = ["agent"]) =>
    createStaffAccount(server.services, { email: email(), roles, procedures: ["bourse-scolaire"] });
  const me = (cookie: string) => server.app.request("/api/staff/session", { headers: { Cookie: cookie } });
  /** Each test its own client, so the per-client throttle of one does not reach another. */
  let client = 0;
  const password = (body: unknown, ip: string) =>
    server.app.request(
      "/api/staff/sign-in",
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
      fromClient(ip),
    );
  const code = (pending: string, value: string, ip: string) =>
    server.app.request(
      "/api/staff/sign-in/totp",
      {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: `${PENDING}=${pending}` },
        body: JSON.stringify({ code: value }),
      },
      fromClient(ip),
    );
  const newIp = () => `198.51.100.${++client}`;

  it("refuses a wrong password, and an unknown email, with the same answer", async () => {
    const account = await agent();
    const ip = newIp();
    const wrong = await password({ email: account.email, password: "not the password at all" }, ip);
    const unknown = await password({ email: "nobody@province-sud.nc", password: account.password }, ip);
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe("staff_sign_in_failed");
      expect(cookieOf(response, PENDING)).toBeUndefined();
    }
  });

  it("refuses short, over-long and common passwords, and takes a long passphrase, hashed with Argon2id", async () => {
    const add = (pass: string) =>
      server.services.staff.accounts.add({ email: email(), name: "Agent", password: pass, roles: ["agent"] });
    expect(await add("court12")).toEqual({ ok: false, problem: "too_short" });
    expect(await add("x".repeat(129))).toEqual({ ok: false, problem: "too_long" });
    for (const common of ["password123", "Azertyuiop", "motdepasse", "123456789"])
      expect(await add(common), common).toEqual({ ok: false, problem: "common" });
    // No composition rules: lower-case words only are fine.
    const added = await add("le cagou chante au lever du jour sur le mont panie");
    expect(added.ok).toBe(true);
    const row = await server.services.database.db
      .selectFrom("staff_accounts")
      .select("password_hash")
      .where("id", "=", added.ok ? added.id : "")
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("sets TOTP up at the first sign-in, then asks for its code; the password alone opens nothing", async () => {
    const account = await agent();
    const ip = newIp();
    const first = await password({ email: account.email, password: account.password }, ip);
    expect(first.status).toBe(200);
    const setup = (await first.json()) as { next: string; otpauthUrl: string; qrSvg: string };
    expect(setup.next).toBe("totp-setup");
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(setup.qrSvg).toContain("<svg");
    expect(cookieOf(first, STAFF_COOKIE)).toBeUndefined();
    // The pending cookie is no session.
    expect((await me(`${STAFF_COOKIE}=${cookieOf(first, PENDING)}`)).status).toBe(401);
    const secret = new URL(setup.otpauthUrl).searchParams.get("secret") ?? "";
    const done = await code(cookieOf(first, PENDING) ?? "", currentTotpCode(secret, clock.now()), ip);
    expect(done.status).toBe(200);
    const cookie = done.headers.getSetCookie().find((c) => c.startsWith(`${STAFF_COOKIE}=`)) ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    const session = `${STAFF_COOKIE}=${cookieOf(done, STAFF_COOKIE)}`;
    expect(await (await me(session)).json()).toMatchObject({
      email: account.email,
      roles: ["agent"],
      procedures: ["bourse-scolaire"],
      idleMinutes: 30,
    });

    // Next time: no new secret, a code is required.
    clock.advanceMinutes(1);
    const second = await password({ email: account.email, password: account.password }, ip);
    expect(await second.json()).toEqual({ next: "totp" });
    const wrong = await code(cookieOf(second, PENDING) ?? "", "000000", ip);
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).code).toBe("staff_wrong_code");
  });

  it("refuses a code already used, even within its 30 seconds", async () => {
    const account = await agent();
    await staffSignIn(server.app, account, clock.now);
    const ip = newIp();
    const again = await password({ email: account.email, password: account.password }, ip);
    const used = currentTotpCode(
      account.totpSecret ?? "",
      new Date(Math.floor(clock.now().getTime() / 30_000) * 30_000 + 1000),
    );
    // staffSignIn used this step's code (or the next one's): both are spent or one is replayed.
    const replay = await code(cookieOf(again, PENDING) ?? "", used, ip);
    expect(replay.status).toBe(400);
    expect((await errorOf(replay)).code).toBe("staff_wrong_code");
  });

  it("locks the account for 15 minutes after 5 failures in a row, even with the right password", async () => {
    const account = await agent();
    const ip = newIp();
    for (let i = 0; i < 4; i++)
      expect((await password({ email: account.email, password: `wrong password ${i}` }, ip)).status).toBe(
        401,
      );
    const fifth = await password({ email: account.email, password: "wrong password 5" }, ip);
    expect(fifth.status).toBe(429);
    expect((await errorOf(fifth)).code).toBe("staff_locked");
    const right = await password({ email: account.email, password: account.password }, newIp());
    expect((await errorOf(right)).code).toBe("staff_locked");
    clock.advanceMinutes(16);
    expect((await password({ email: account.email, password: account.password }, newIp())).status).toBe(200);
  });

  // 20 Argon2id checks on purpose (an unknown email costs as much as a wrong password): a longer timeout.
  it("refuses a client after 20 failures on any accounts", async () => {
    const ip = newIp();
    for (let i = 0; i < 20; i++)
      await password({ email: `x${i}@province-sud.nc`, password: "whatever it is" }, ip);
    const account = await agent();
    const refused = await password({ email: account.email, password: account.password }, ip);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe("staff_too_many_attempts");
    expect((await password({ email: account.email, password: account.password }, newIp())).status).toBe(200);
    clock.advanceMinutes(16);
    await server.services.staff.signIn.removeStale();
    const left = await server.services.database.db.selectFrom("staff_sign_in_failures").selectAll().execute();
    expect(left, "failures too old to count are removed").toEqual([]);
    expect((await password({ email: account.email, password: account.password }, ip)).status).toBe(200);
  }, 30_000);

  it("ends a session unused for the idle timeout, not one in use, and any after 12 hours", async () => {
    const idle = await agent();
    const busy = await agent();
    const idleCookie = await staffSignIn(server.app, idle, clock.now);
    const busyCookie = await staffSignIn(server.app, busy, clock.now);
    for (let i = 0; i < 3; i++) {
      clock.advanceMinutes(20);
      expect((await me(busyCookie)).status).toBe(200);
    }
    const expired = await me(idleCookie);
    expect(expired.status).toBe(401);
    expect((await errorOf(expired)).code).toBe("staff_sign_in_required");
    for (let i = 0; i < 36; i++) {
      clock.advanceMinutes(20);
      await me(busyCookie);
    }
    expect((await me(busyCookie)).status).toBe(401);
  });

  it("refuses a route to someone without its role, and answers 401 without a session", async () => {
    const mediator = await createStaffAccount(server.services, { email: email(), roles: ["mediator"] });
    const cookie = await staffSignIn(server.app, mediator, clock.now);
    const refused = await server.app.request("/api/staff/accounts", { headers: { Cookie: cookie } });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("staff_role_required");
    const anonymous = await server.app.request("/api/staff/accounts");
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe("staff_sign_in_required");
    // A citizen's session is not a staff session.
    expect(
      (await server.app.request("/api/staff/session", { headers: { Cookie: "__Host-pap_session=abc" } }))
        .status,
    ).toBe(401);
  });

  it("lets an administrator list accounts, without secrets, and end someone's sessions", async () => {
    const admin = await agent(["administrator"]);
    const target = await agent();
    const adminCookie = await staffSignIn(server.app, admin, clock.now);
    const targetCookie = await staffSignIn(server.app, target, clock.now);
    const listed = await server.app.request("/api/staff/accounts", { headers: { Cookie: adminCookie } });
    const text = await listed.text();
    expect(text).toContain(target.email);
    expect(text).not.toContain(target.totpSecret ?? "-");
    expect(text).not.toContain("argon2");
    const ended = await postJson(
      server.app,
      `/api/staff/accounts/${target.id}/end-sessions`,
      {},
      { Cookie: adminCookie },
    );
    expect(await ended.json()).toEqual({ ended: 1 });
    expect((await me(targetCookie)).status).toBe(401);
    expect((await me(adminCookie)).status).toBe(200);
    const unknown = await postJson(
      server.app,
      `/api/staff/accounts/${randomUUID()}/end-sessions`,
      {},
      { Cookie: adminCookie },
    );
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("staff_not_found");
    // An agent cannot end anyone's sessions.
    const other = await staffSignIn(server.app, target, clock.now);
    expect(
      (await postJson(server.app, `/api/staff/accounts/${admin.id}/end-sessions`, {}, { Cookie: other }))
        .status,
    ).toBe(403);
  });

  it("signs out: the session is over, the cookie cleared", async () => {
    const account = await agent();
    const cookie = await staffSignIn(server.app, account, clock.now);
    const out = await postJson(server.app, "/api/staff/sign-out", {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    expect(
      out.headers.getSetCookie().some((c) => c.startsWith(`${STAFF_COOKIE}=;`) && /Max-Age=0/i.test(c)),
    ).toBe(true);
    expect((await me(cookie)).status).toBe(401);
  });

  it("refuses a disabled account at sign-in and ends its sessions", async () => {
    const account = await agent();
    const cookie = await staffSignIn(server.app, account, clock.now);
    expect(await server.services.staff.accounts.disable(account.id)).toBe(true);
    expect((await me(cookie)).status).toBe(401);
    expect((await password({ email: account.email, password: account.password }, newIp())).status).toBe(401);
  });
});
