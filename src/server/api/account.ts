/**
 * /api/account/…: signing in and out, the account page's data and its sessions. The rules are
 * the accounts domain's (src/server/accounts); this file speaks HTTP: cookies, redirects, status
 * codes. Every route after sign-in acts on the asking session's account only.
 */
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { CodeCheckSchema, CodeRequestSchema } from "../../shared/api/account";
import { apiRoutes } from "../../shared/api/paths";
import type { AccountServices } from "../accounts/account-services";
import { describeDevice } from "../accounts/device";
import { OIDC_ATTEMPT_MINUTES } from "../accounts/oidc-sign-in";
import { clientKey } from "./client-key";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import { clearSiteData, currentPost } from "./post-cookie";
import {
  clearSessionCookie,
  currentSession,
  setSessionCookie,
  signedInOnly,
  signedInSession,
} from "./session-cookie";

const OIDC_COOKIE = "__Host-pap_oidc";
/** Sign-in bodies are tiny; a bigger one is not a sign-in. */
const MAX_SIGN_IN_BODY = 4096;
/** Where the browser lands after NC Connect, and with which problem. */
const AFTER_SIGN_IN = "/compte";
const OIDC_FAILED = "/connexion?erreur=nc-connect";

export function accountRoutes(services: AccountServices): Hono {
  const routes = new Hono();
  const { accounts, sessions, codes, oidc, audit, config } = services;

  /** Rotation: whatever session the browser had ends, and a new token is given. */
  async function signIn(
    c: Context,
    accountId: string,
    method: "code" | "oidc",
    idToken?: string,
  ): Promise<void> {
    const previous = await currentSession(c);
    if (previous) await sessions.close(previous.accountId, previous.id);
    const { token } = await sessions.create(accountId, {
      device: describeDevice(c.req.header("User-Agent")),
      method,
      ...(idToken ? { idToken } : {}),
    });
    // On a post, no "stay signed in": the session lasts while the browser stays open.
    setSessionCookie(c, token, (await currentPost(c)) ? undefined : config.sessionMaxMinutes);
    await audit.record("sign_in_succeeded", { accountId, detail: method });
  }

  routes.get(apiRoutes.signInOptions, (c) => c.json({ ncConnect: oidc !== undefined }));

  routes.post(apiRoutes.signInCode, async (c) => {
    const body = await readValidBody(c, MAX_SIGN_IN_BODY, CodeRequestSchema);
    if (!body.ok) return body.response;
    const outcome = await codes.request(body.value.address, clientKey(c), body.value.language);
    if (!outcome.ok) return apiError(c, outcome.problem === "too_many_codes" ? 429 : 400, outcome.problem);
    return c.json(
      { attemptId: outcome.attemptId, channel: outcome.channel, expiresAt: outcome.expiresAt },
      202,
    );
  });

  routes.post(apiRoutes.signInCodeCheck, async (c) => {
    const body = await readValidBody(c, MAX_SIGN_IN_BODY, CodeCheckSchema);
    if (!body.ok) return body.response;
    const outcome = await codes.check(body.value.attemptId, body.value.code);
    if (!outcome.ok)
      return outcome.problem === "wrong_code"
        ? apiError(c, 400, "wrong_code", { triesLeft: outcome.triesLeft })
        : apiError(c, 400, "code_expired");
    const accountId = await accounts.ofAddress(outcome.address);
    await signIn(c, accountId, "code");
    return c.json(await accounts.describe(accountId));
  });

  routes.get(apiRoutes.oidcStart, async (c) => {
    if (!oidc) return apiError(c, 404, "oidc_not_configured");
    const started = await oidc.start().catch((error: Error) => {
      // The provider is down or misconfigured: the person is told and can use a code instead.
      console.error(`NC Connect is unreachable: ${error.message}`);
      return undefined;
    });
    if (!started) return c.redirect(OIDC_FAILED, 302);
    const { attemptId, url } = started;
    setCookie(c, OIDC_COOKIE, attemptId, {
      secure: true,
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level navigation, which carries it.
      sameSite: "Lax",
      path: "/",
      maxAge: OIDC_ATTEMPT_MINUTES * 60,
    });
    return c.redirect(url, 302);
  });

  routes.get(apiRoutes.oidcCallback, async (c) => {
    if (!oidc) return apiError(c, 404, "oidc_not_configured");
    const attemptId = getCookie(c, OIDC_COOKIE);
    deleteCookie(c, OIDC_COOKIE, { secure: true, path: "/" });
    const identity = await oidc.finish(attemptId ?? "", new URL(c.req.url).search).catch((error: Error) => {
      // The library's reason names a check (state, nonce, signature), nothing personal.
      console.error(`NC Connect sign-in refused: ${error.message}`);
      return undefined;
    });
    if (!identity) {
      await audit.record("sign_in_failed", { detail: "oidc" });
      return c.redirect(OIDC_FAILED, 302);
    }
    const accountId = await accounts.ofOidc(identity.issuer, identity.subject, identity.profile);
    await signIn(c, accountId, "oidc", identity.idToken);
    return c.redirect(AFTER_SIGN_IN, 302);
  });

  routes.post(apiRoutes.signOut, async (c) => {
    const session = await currentSession(c);
    clearSessionCookie(c);
    if (await currentPost(c)) clearSiteData(c);
    if (!session) return c.json({});
    await sessions.close(session.accountId, session.id);
    await audit.record("signed_out", { accountId: session.accountId });
    const endSessionUrl = session.method === "oidc" ? await oidc?.endSessionUrl(session.idToken) : undefined;
    return c.json(endSessionUrl ? { endSessionUrl } : {});
  });

  // Everything below acts on the signed-in person's own account and nothing else.
  // signedInOnly on each route: a middleware on a mounted sub-app would reach every API path.
  const signed = signedInOnly();

  routes.get(apiRoutes.account, signed, async (c) => {
    const account = await accounts.describe((await signedInSession(c)).accountId);
    return account ? c.json(account) : apiError(c, 401, "not_signed_in");
  });

  routes.get(apiRoutes.accountSessions, signed, async (c) => {
    const session = await signedInSession(c);
    const list = await sessions.list(session.accountId);
    return c.json({
      sessions: list.map((s) => ({
        id: s.id,
        device: s.device,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        current: s.id === session.id,
      })),
    });
  });

  routes.delete(apiRoutes.accountSession, signed, async (c) => {
    const session = await signedInSession(c);
    const id = c.req.param("id") ?? "";
    if (!(await sessions.close(session.accountId, id))) return apiError(c, 404, "session_not_found");
    if (id === session.id) clearSessionCookie(c);
    await audit.record("session_closed", { accountId: session.accountId });
    return c.body(null, 204);
  });

  routes.post(apiRoutes.signOutEverywhere, signed, async (c) => {
    const session = await signedInSession(c);
    await sessions.closeAll(session.accountId);
    clearSessionCookie(c);
    await audit.record("signed_out_everywhere", { accountId: session.accountId });
    const endSessionUrl = session.method === "oidc" ? await oidc?.endSessionUrl(session.idToken) : undefined;
    return c.json(endSessionUrl ? { endSessionUrl } : {});
  });

  routes.get(apiRoutes.accountData, signed, async (c) => {
    const data = await accounts.exportData((await signedInSession(c)).accountId);
    if (!data) return apiError(c, 401, "not_signed_in");
    c.header("Content-Disposition", 'attachment; filename="mes-donnees-pas-a-pas.json"');
    return c.json(data);
  });

  routes.delete(apiRoutes.account, signed, async (c) => {
    const session = await signedInSession(c);
    const endSessionUrl = session.method === "oidc" ? await oidc?.endSessionUrl(session.idToken) : undefined;
    await accounts.delete(session.accountId);
    clearSessionCookie(c);
    return c.json(endSessionUrl ? { endSessionUrl } : {});
  });

  return routes;
}
