/**
 * The staff session cookie and `staffOnly`, which every staff route sits behind.
 * `__Host-pas-staff`: Secure, HttpOnly, Path=/, no Domain, and SameSite=Strict (unlike the
 * citizens' Lax): staff pages are never reached by a link from another site that must arrive
 * signed in, and Strict keeps every cross-site request, even a top-level one, without it.
 * The session is looked up once per request, and only when a route asks.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { StaffRole } from "../../shared/staff-roles";
import type { StaffActor } from "../staff/staff-actor";
import type { StaffSessions } from "../staff/staff-sessions";
import { apiError } from "./errors";

export const STAFF_COOKIE = "__Host-pas-staff";
/** Between the password and the code; not a session. */
export const STAFF_PENDING_COOKIE = "__Host-pas-staff-pending";

declare module "hono" {
  interface ContextVariableMap {
    staffLookup: () => Promise<StaffActor | undefined>;
    /** Set by staffOnly for the routes behind it. */
    staff: StaffActor;
  }
}

/** Makes the staff session known to `staffOnly` for the routes after it. */
export function withStaffSessions(sessions: StaffSessions): MiddlewareHandler {
  return async (c, next) => {
    let found: Promise<StaffActor | undefined> | undefined;
    c.set("staffLookup", () => {
      const token = getCookie(c, STAFF_COOKIE);
      found ??= token && token.length <= 64 ? sessions.actorOf(token) : Promise.resolve(undefined);
      return found;
    });
    await next();
  };
}

export function currentStaff(c: Context): Promise<StaffActor | undefined> {
  return c.get("staffLookup")?.() ?? Promise.resolve(undefined);
}

/**
 * 401 `staff_sign_in_required` without a live staff session; 403 `staff_role_required` unless
 * the person has one of `roles` (any staff member when none is named). Sets c.get("staff").
 */
export function staffOnly(...roles: StaffRole[]): MiddlewareHandler {
  return async (c, next) => {
    const actor = await currentStaff(c);
    if (!actor) return apiError(c, 401, "staff_sign_in_required");
    if (roles.length > 0 && !roles.some((role) => actor.roles.includes(role)))
      return apiError(c, 403, "staff_role_required");
    c.set("staff", actor);
    await next();
  };
}

export function setStaffCookie(c: Context, name: string, token: string, maxMinutes: number): void {
  setCookie(c, name, token, {
    secure: true,
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    maxAge: maxMinutes * 60,
  });
}

export function clearStaffCookie(c: Context, name: string): void {
  deleteCookie(c, name, { secure: true, path: "/" });
}
