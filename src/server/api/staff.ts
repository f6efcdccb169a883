/**
 * /api/staff/…: staff sign-in (password, then TOTP), who is signed in, sign-out, and the
 * administrators' view of staff accounts. The rules are the staff domain's (src/server/staff);
 * this file speaks HTTP.
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { renderSVG } from "uqr";
import { apiRoutes } from "../../shared/api/paths";
import {
  StaffCodeSchema,
  type StaffMe,
  type StaffPasswordAnswer,
  StaffPasswordSchema,
} from "../../shared/api/staff";
import { PENDING_SIGN_IN_MINUTES } from "../staff/staff-rules";
import type { StaffServices } from "../staff/staff-services";
import { clientKey } from "./client-key";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import {
  clearStaffCookie,
  STAFF_COOKIE,
  STAFF_PENDING_COOKIE,
  setStaffCookie,
  staffOnly,
} from "./staff-session";

const MAX_SIGN_IN_BODY = 4096;

const refusalStatus = (problem: string) =>
  problem === "staff_locked" || problem === "staff_too_many_attempts" ? 429 : 401;

export function staffRoutes(staff: StaffServices): Hono {
  const routes = new Hono();

  routes.post(apiRoutes.staffSignIn, async (c) => {
    const body = await readValidBody(c, MAX_SIGN_IN_BODY, StaffPasswordSchema);
    if (!body.ok) return body.response;
    const outcome = await staff.signIn.withPassword(body.value.email, body.value.password, clientKey(c));
    if (!outcome.ok) return apiError(c, refusalStatus(outcome.problem), outcome.problem);
    setStaffCookie(c, STAFF_PENDING_COOKIE, outcome.pendingToken, PENDING_SIGN_IN_MINUTES);
    const answer: StaffPasswordAnswer = outcome.setup
      ? {
          next: "totp-setup",
          otpauthUrl: outcome.setup.otpauthUrl,
          qrSvg: renderSVG(outcome.setup.otpauthUrl, { border: 2 }),
        }
      : { next: "totp" };
    return c.json(answer);
  });

  routes.post(apiRoutes.staffSignInTotp, async (c) => {
    const body = await readValidBody(c, MAX_SIGN_IN_BODY, StaffCodeSchema);
    if (!body.ok) return body.response;
    const pending = getCookie(c, STAFF_PENDING_COOKIE);
    if (!pending || pending.length > 64) return apiError(c, 401, "staff_sign_in_expired");
    const outcome = await staff.signIn.withCode(pending, body.value.code, clientKey(c));
    if (!outcome.ok) {
      if (outcome.problem !== "staff_wrong_code") clearStaffCookie(c, STAFF_PENDING_COOKIE);
      return apiError(
        c,
        outcome.problem === "staff_wrong_code" ? 400 : refusalStatus(outcome.problem),
        outcome.problem,
      );
    }
    // Rotation: a session this browser had ends with the new sign-in.
    const previous = getCookie(c, STAFF_COOKIE);
    if (previous && previous.length <= 64) await staff.sessions.end(previous);
    clearStaffCookie(c, STAFF_PENDING_COOKIE);
    setStaffCookie(c, STAFF_COOKIE, outcome.sessionToken, staff.rules.sessionMaxMinutes);
    return c.json(await whoIs(staff, outcome.staffId));
  });

  routes.post(apiRoutes.staffSignOut, async (c) => {
    const token = getCookie(c, STAFF_COOKIE);
    if (token && token.length <= 64) await staff.sessions.end(token);
    clearStaffCookie(c, STAFF_COOKIE);
    return c.json({});
  });

  routes.get(apiRoutes.staffSession, staffOnly(), async (c) =>
    c.json(await whoIs(staff, c.get("staff").staffId)),
  );

  routes.get(apiRoutes.staffAccounts, staffOnly("administrator"), async (c) =>
    c.json({ accounts: await staff.accounts.list() }),
  );

  routes.post(apiRoutes.staffAccountEndSessions, staffOnly("administrator"), async (c) => {
    const id = c.req.param("id") ?? "";
    const ended = id.length <= 64 ? await staff.accounts.endSessions(id) : undefined;
    if (ended === undefined) return apiError(c, 404, "staff_not_found");
    // An administrator ending their own sessions is signed out too.
    if (id === c.get("staff").staffId) clearStaffCookie(c, STAFF_COOKIE);
    return c.json({ ended });
  });

  return routes;
}

async function whoIs(staff: StaffServices, staffId: string): Promise<StaffMe> {
  const summary = await staff.accounts.summary(staffId);
  if (!summary) throw new Error("a signed-in staff member has no account");
  const { id, email, name, roles, procedures } = summary;
  return { id, email, name, roles, procedures, idleMinutes: staff.rules.sessionIdleMinutes };
}
