import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieOf, withSession } from "./support/accounts";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { CLIENT, clientSettings, startTestProvider, type TestProvider } from "./support/oidc-provider";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const SITE = "https://demarches.example.nc";
const REDIRECT_URI = `${SITE}/api/account/oidc/callback`;
const AFTER_LOGOUT = `${SITE}/`;
const OIDC_COOKIE = "__Host-pap_oidc";

describe.each(DATABASES)("signing in with NC Connect (OpenID Connect) on %s", (database) => {
  let provider: TestProvider;
  let server: TestServer;
  beforeAll(async () => {
    provider = await startTestProvider(REDIRECT_URI, AFTER_LOGOUT);
    server = await startTestServer(database, {
      accounts: { oidc: clientSettings(provider.issuer, REDIRECT_URI, AFTER_LOGOUT) },
      accountOptions: { allowInsecureOidc: true },
    });
    provider.people.set("nc-0001", {
      given_name: "Marie",
      family_name: "Wamytan",
      birthdate: "1990-04-01",
      email: "marie@example.nc",
    });
    provider.people.set("nc-0002", {
      given_name: "Paul",
      family_name: "Néaoutyine",
      email: "marie@example.nc",
    });
  });
  afterAll(async () => {
    await server.close();
    await provider.close();
  });

  const oidcCookieOf = (response: Response) =>
    /__Host-pap_oidc=([^;]+)/.exec(response.headers.getSetCookie().join("\n"))?.[1] ?? "";

  /** The browser's round trip: our start, the provider's pages, our callback. */
  async function roundTrip(subject: string) {
    const start = await server.app.request("/api/account/oidc/start");
    expect(start.status).toBe(302);
    const attempt = oidcCookieOf(start);
    const authorize = new URL(start.headers.get("Location") ?? "");
    const back = await provider.walk(authorize.href, subject, REDIRECT_URI);
    return { authorize, attempt, callback: new URL(back.url), loginAsked: back.loginAsked };
  }
  const callback = (url: URL, attempt: string, headers: Record<string, string> = {}) =>
    server.app.request(`${url.pathname}${url.search}`, {
      headers: {
        ...headers,
        Cookie: `${OIDC_COOKIE}=${attempt}${headers.Cookie ? `; ${headers.Cookie}` : ""}`,
      },
    });

  async function signIn(subject: string): Promise<string> {
    const trip = await roundTrip(subject);
    const response = await callback(trip.callback, trip.attempt);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/compte");
    const token = sessionCookieOf(response);
    expect(token).toBeDefined();
    return token as string;
  }

  it("is offered, and asks the provider for a code with PKCE, state and nonce", async () => {
    expect(await (await server.app.request("/api/account/options")).json()).toEqual({ ncConnect: true });
    const start = await server.app.request("/api/account/oidc/start");
    const url = new URL(start.headers.get("Location") ?? "");
    expect(url.origin).toBe(provider.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: "code",
      client_id: CLIENT.id,
      redirect_uri: REDIRECT_URI,
      scope: "openid profile email",
      code_challenge_method: "S256",
    });
    expect(params.state).toBeTruthy();
    expect(params.nonce).toBeTruthy();
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    const cookie = start.headers.getSetCookie().find((h) => h.startsWith(OIDC_COOKIE)) ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    // The secrets stay on the server: the cookie names the attempt only.
    expect(cookie).not.toContain(params.state);
  });

  it("signs in, with the names the provider gives", async () => {
    const token = await signIn("nc-0001");
    const me = await (await server.app.request("/api/account", { headers: withSession(token) })).json();
    expect(me.signIn).toEqual({
      method: "nc-connect",
      givenName: "Marie",
      familyName: "Wamytan",
      email: "marie@example.nc",
    });
  });

  it("keys the account on the provider's subject, never on the email", async () => {
    const first = await signIn("nc-0001");
    provider.people.set("nc-0001", { given_name: "Marie", family_name: "Wamytan", email: "new@example.nc" });
    const again = await signIn("nc-0001");
    provider.newBrowser();
    const other = await signIn("nc-0002");
    const id = async (token: string) =>
      (await (await server.app.request("/api/account", { headers: withSession(token) })).json()).id;
    expect(await id(again)).toBe(await id(first));
    expect(await id(other)).not.toBe(await id(first));
  });

  it("refuses a callback with a changed state, without the attempt's cookie, or played twice", async () => {
    const trip = await roundTrip("nc-0001");
    const forged = new URL(trip.callback);
    forged.searchParams.set("state", "forged");
    const refused = await callback(forged, trip.attempt);
    expect(refused.headers.get("Location")).toBe("/connexion?erreur=nc-connect");
    expect(sessionCookieOf(refused)).toBeUndefined();

    const trip2 = await roundTrip("nc-0001");
    const noCookie = await server.app.request(`${trip2.callback.pathname}${trip2.callback.search}`);
    expect(noCookie.headers.get("Location")).toBe("/connexion?erreur=nc-connect");
    expect(sessionCookieOf(noCookie)).toBeUndefined();

    const trip3 = await roundTrip("nc-0001");
    expect((await callback(trip3.callback, trip3.attempt)).headers.get("Location")).toBe("/compte");
    const replay = await callback(trip3.callback, trip3.attempt);
    expect(replay.headers.get("Location")).toBe("/connexion?erreur=nc-connect");
  });

  it("ends the provider's session too at sign-out", async () => {
    const token = await signIn("nc-0001");
    const out = await server.app.request("/api/account/sign-out", {
      method: "POST",
      headers: withSession(token),
    });
    const { endSessionUrl } = await out.json();
    const url = new URL(endSessionUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(AFTER_LOGOUT);
    expect(url.searchParams.get("id_token_hint")).toBeTruthy();
    expect((await server.app.request("/api/account", { headers: withSession(token) })).status).toBe(401);
    const left = await provider.walk(endSessionUrl, "nc-0001", AFTER_LOGOUT);
    expect(left.url).toBe(AFTER_LOGOUT);
    // The provider no longer knows the person: signing in again asks for the login.
    expect((await roundTrip("nc-0001")).loginAsked).toBe(true);
  });
});

describe("NC Connect when the provider does not answer", () => {
  it("sends the person back to the sign-in page with a plain error, not a server error", async () => {
    const server = await startTestServer("SQLite", {
      accounts: { oidc: clientSettings("http://127.0.0.1:9", REDIRECT_URI, undefined, "openid") },
      accountOptions: { allowInsecureOidc: true },
    });
    try {
      const response = await server.app.request("/api/account/oidc/start");
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/connexion?erreur=nc-connect");
    } finally {
      await server.close();
    }
  });
});
