/**
 * A real OpenID Connect provider (oidc-provider) on loopback, standing for NC Connect in tests,
 * and a browser's walk through its login and consent pages done with fetch and a cookie jar.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import type { OidcConfig } from "../../../../src/server/account-config";

export interface TestProvider {
  readonly issuer: string;
  /** The claims the provider gives for each subject; a test may change them. */
  readonly people: Map<string, Record<string, string>>;
  /** Follows redirects from `url` through the provider's pages, logging in as `subject`, until `stopAt`. */
  walk(url: string, subject: string, stopAt: string): Promise<{ url: string; loginAsked: boolean }>;
  /** Forgets the provider's cookies, as another browser would not have them. */
  newBrowser(): void;
  close(): Promise<void>;
}

export const CLIENT = { id: "pas-a-pas", secret: "a-test-secret-that-is-long-enough-0123456789" };

/** Our client's settings at a provider on `issuer`, as OIDC_* or STAFF_OIDC_* would give them. */
export function clientSettings(
  issuer: string,
  redirectUri: string,
  postLogoutRedirectUri: string | undefined,
  scopes = "openid profile email",
): OidcConfig {
  return {
    issuer,
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    redirectUri,
    postLogoutRedirectUri,
    scopes,
  };
}

export async function startTestProvider(
  redirectUri: string,
  postLogoutRedirectUri: string,
): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const people = new Map<string, Record<string, string>>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: {
      openid: ["sub"],
      profile: ["given_name", "family_name", "birthdate"],
      email: ["email", "verified", "email_verified"],
    },
    // NC Connect (Keycloak) puts the profile in the ID token.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...people.get(sub) }) };
    },
  });
  provider.on("server_error", (_ctx, error) => console.error(`test provider: ${error.message}`));
  server.on("request", provider.callback());

  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const index = pair.indexOf("=");
      const [name, value] = [pair.slice(0, index), pair.slice(index + 1)];
      if (value === "" || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
  };

  async function walk(start: string, subject: string, stopAt: string) {
    let url = start;
    let loginAsked = false;
    let init: RequestInit = {};
    for (let step = 0; step < 20; step++) {
      if (url.startsWith(stopAt)) return { url, loginAsked };
      const response = await fetch(url, {
        ...init,
        redirect: "manual",
        headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader() },
      });
      keep(response);
      init = {};
      const location = response.headers.get("Location");
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      const html = await response.text();
      const action = /action="([^"]+)"/.exec(html)?.[1];
      if (response.status !== 200 || !action)
        throw new Error(`provider page ${response.status}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams();
      for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
        form.set(name as string, value as string);
      if (form.get("prompt") === "login") {
        loginAsked = true;
        form.set("login", subject);
        form.set("password", "any");
      }
      // The logout page's form says "logout" when the person confirms.
      if (html.includes("op.logoutForm")) form.set("logout", "yes");
      url = new URL(action, url).href;
      init = {
        method: "POST",
        body: form.toString(),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      };
    }
    throw new Error("too many steps at the provider");
  }

  return {
    issuer,
    people,
    walk,
    newBrowser: () => jar.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
