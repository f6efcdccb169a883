/**
 * Staff signing in through the province's staff directory: a real OpenID Connect provider
 * (oidc-provider) on loopback stands for it. Only an account an administrator made can be signed
 * into; the directory's verified email binds it once, then only (issuer, subject) finds it.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieOf, createStaffAccount, STAFF_COOKIE, staffSignIn } from "../../support/staff-accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { CLIENT, clientSettings, startTestProvider, type TestProvider } from "./support/oidc-provider";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const SITE = "https://demarches.example.nc";
const REDIRECT_URI = `${SITE}/api/staff/directory/callback`;
const AFTER_LOGOUT = `${SITE}/personnel/connexion`;
const DIRECTORY_COOKIE = "__Host-pas-staff-directory";

describe.each(DATABASES)("staff sign-in through the staff directory on %s", (database) => {
  let provider: TestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startTestProvider(REDIRECT_URI, AFTER_LOGOUT);
    server = await startTestServer(database, {
      staff: { directory: clientSettings(provider.issuer, REDIRECT_URI, AFTER_LOGOUT) },
      accountOptions: { allowInsecureOidc: true },
    });
  });
  afterAll(async () => {
    await server.close();
    await provider.close();
  });

  const email = () => `agent-${randomUUID().slice(0, 8)}@province-sud.nc`;
  /** A person of the directory, with the email it vouches for (or not). */
  function directoryPerson(address: string, verified = true): string {
    const subject = `annuaire-${randomUUID()}`;
    provider.people.set(subject, { email: address, ...(verified ? { email_verified: true } : {}) } as never);
    return subject;
  }

  /** The browser's round trip: our start, the directory's pages, our callback. */
  async function roundTrip(subject: string) {
    provider.newBrowser();
    const start = await server.app.request("/api/staff/directory/start");
    expect(start.status).toBe(302);
    const attempt = cookieOf(start, DIRECTORY_COOKIE) ?? "";
    const back = await provider.walk(start.headers.get("Location") ?? "", subject, REDIRECT_URI);
    const url = new URL(back.url);
    const callback = () =>
      server.app.request(`${url.pathname}${url.search}`, {
        headers: { Cookie: `${DIRECTORY_COOKIE}=${attempt}` },
      });
    return { start, callback };
  }

  const me = (cookie: string) => server.app.request("/api/staff/session", { headers: { Cookie: cookie } });
  const signOut = (cookie: string) =>
    server.app.request("/api/staff/sign-out", { method: "POST", headers: { Cookie: cookie } });

  it("is offered, and asks the directory for a code with PKCE, state and nonce", async () => {
    expect(await (await server.app.request("/api/staff/sign-in/options")).json()).toEqual({
      directory: true,
    });
    const { start } = await roundTrip(directoryPerson(email()));
    const params = new URL(start.headers.get("Location") ?? "").searchParams;
    expect(new URL(start.headers.get("Location") ?? "").origin).toBe(provider.issuer);
    expect(Object.fromEntries(params)).toMatchObject({
      client_id: CLIENT.id,
      redirect_uri: REDIRECT_URI,
      code_challenge_method: "S256",
    });
    expect(params.get("state")).toBeTruthy();
    expect(params.get("nonce")).toBeTruthy();
  });

  it("signs a provisioned agent in with their roles, and binds them to the directory's subject", async () => {
    const address = email();
    await createStaffAccount(server.services, {
      email: address,
      roles: ["agent"],
      procedures: ["aide-medicale"],
    });
    const subject = directoryPerson(address);
    const answer = await (await roundTrip(subject)).callback();
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/personnel");
    const token = cookieOf(answer, STAFF_COOKIE);
    const cookie = `${STAFF_COOKIE}=${token}`;
    expect(await (await me(cookie)).json()).toMatchObject({
      email: address,
      roles: ["agent"],
      procedures: ["aide-medicale"],
    });

    // The directory changes the person's email: the binding, not the email, finds the account.
    provider.people.set(subject, { email: `renamed-${address}`, email_verified: true } as never);
    const again = await (await roundTrip(subject)).callback();
    expect(again.headers.get("Location")).toBe("/personnel");

    // Someone else given that email in the directory later does not get the account.
    const other = directoryPerson(address);
    const refused = await (await roundTrip(other)).callback();
    expect(refused.headers.get("Location")).toBe("/personnel/connexion?probleme=staff_not_provisioned");
    expect(cookieOf(refused, STAFF_COOKIE)).toBeUndefined();
  });

  it("refuses a person with no account here, an email the directory does not vouch for, and a disabled account", async () => {
    const refusedAt = "/personnel/connexion?probleme=staff_not_provisioned";
    const stranger = await (await roundTrip(directoryPerson(email()))).callback();
    expect(stranger.headers.get("Location")).toBe(refusedAt);

    const unverified = email();
    await createStaffAccount(server.services, { email: unverified, roles: ["mediator"] });
    const notVouched = await (await roundTrip(directoryPerson(unverified, false))).callback();
    expect(notVouched.headers.get("Location")).toBe(refusedAt);

    const leaver = email();
    const account = await createStaffAccount(server.services, { email: leaver, roles: ["mediator"] });
    await server.services.staff.accounts.disable(account.id);
    const disabled = await (await roundTrip(directoryPerson(leaver))).callback();
    expect(disabled.headers.get("Location")).toBe(refusedAt);
    for (const answer of [stranger, notVouched, disabled])
      expect(cookieOf(answer, STAFF_COOKIE)).toBeUndefined();
  });

  it("uses a round trip once: the same callback replayed opens nothing", async () => {
    const address = email();
    await createStaffAccount(server.services, { email: address, roles: ["mediator"] });
    const trip = await roundTrip(directoryPerson(address));
    expect((await trip.callback()).headers.get("Location")).toBe("/personnel");
    const replayed = await trip.callback();
    expect(replayed.headers.get("Location")).toBe("/personnel/connexion?probleme=staff_directory_failed");
    expect(cookieOf(replayed, STAFF_COOKIE)).toBeUndefined();
  });

  it("signing out of a directory session ends the directory's session too; a password session's does not", async () => {
    const address = email();
    const account = await createStaffAccount(server.services, { email: address, roles: ["mediator"] });
    const answer = await (await roundTrip(directoryPerson(address))).callback();
    const out = await signOut(`${STAFF_COOKIE}=${cookieOf(answer, STAFF_COOKIE)}`);
    const { endSessionUrl } = (await out.json()) as { endSessionUrl?: string };
    expect(new URL(endSessionUrl ?? "").origin).toBe(provider.issuer);
    expect(new URL(endSessionUrl ?? "").searchParams.get("post_logout_redirect_uri")).toBe(AFTER_LOGOUT);

    const withPassword = await staffSignIn(server.app, account);
    expect(await (await signOut(withPassword)).json()).toEqual({});
    expect((await me(withPassword)).status).toBe(401);
  });
});

describe.each(DATABASES)("without a staff directory on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it("says so, and its addresses answer a JSON error", async () => {
    expect(await (await server.app.request("/api/staff/sign-in/options")).json()).toEqual({
      directory: false,
    });
    for (const path of ["/api/staff/directory/start", "/api/staff/directory/callback?code=x&state=y"]) {
      const answer = await server.app.request(path);
      expect(answer.status).toBe(404);
      expect(await answer.json()).toMatchObject({ error: { code: "staff_directory_not_configured" } });
    }
  });
});
