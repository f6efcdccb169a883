/**
 * The session cookie and who is asking. `__Host-pap_session`: Secure, HttpOnly, SameSite=Lax,
 * Path=/, no Domain (the prefix makes browsers enforce all of that). Browsers accept Secure
 * cookies on http://localhost and http://127.0.0.1; anywhere else a server without TLS cannot
 * sign anyone in, which is the point. The session is looked up only when a route asks.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Session, Sessions } from "../accounts/sessions";
import { apiError } from "./errors";

export const SESSION_COOKIE = "__Host-pap_session";

declare module "hono" {
  interface ContextVariableMap {
    sessionLookup: () => Promise<Session | undefined>;
  }
}

/** Makes `currentSession(c)` available to the routes after it; one lookup per request at most. */
export function withSessions(sessions: Sessions): MiddlewareHandler {
  return async (c, next) => {
    let found: Promise<Session | undefined> | undefined;
    c.set("sessionLookup", () => {
      const token = getCookie(c, SESSION_COOKIE);
      found ??= token && token.length <= 64 ? sessions.find(token) : Promise.resolve(undefined);
      return found;
    });
    await next();
  };
}

export function currentSession(c: Context): Promise<Session | undefined> {
  return c.get("sessionLookup")?.() ?? Promise.resolve(undefined);
}

/** The session of a route behind `signedInOnly`; its absence there is a bug, not a client's doing. */
export async function signedInSession(c: Context): Promise<Session> {
  const session = await currentSession(c);
  if (!session) throw new Error("signedInOnly let an anonymous request through");
  return session;
}

/** 401 `not_signed_in` unless the request carries a live session. */
export function signedInOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!(await currentSession(c))) return apiError(c, 401, "not_signed_in");
    await next();
  };
}

/** Without `maxMinutes` (on a post) a browser session's cookie: closing the browser ends it. */
export function setSessionCookie(c: Context, token: string, maxMinutes: number | undefined): void {
  setCookie(c, SESSION_COOKIE, token, {
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    ...(maxMinutes === undefined ? {} : { maxAge: maxMinutes * 60 }),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { secure: true, path: "/" });
}
