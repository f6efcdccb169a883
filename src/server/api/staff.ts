/**
 * /api/staff/…: staff sign-in (password, then TOTP; or the staff directory's OpenID Connect round
 * trip when STAFF_OIDC_* configure it), who is signed in, sign-out, and the
 * administrators' view of staff accounts. The rules are the staff domain's (src/server/staff);
 * this file speaks HTTP.
 */
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { renderSVG } from "uqr";
import { apiRoutes } from "../../shared/api/paths";
import {
  StaffCodeSchema,
  type StaffMe,
  type StaffPasswordAnswer,
  StaffPasswordSchema,
} from "../../shared/api/staff";
import { OIDC_ATTEMPT_MINUTES } from "../accounts/oidc-sign-in";
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
/** Names the directory round trip's row; Lax, as the directory's redirect back is cross-site. */
const DIRECTORY_COOKIE = "__Host-pas-staff-directory";
/** The staff app's pages (src/staff): where the directory's round trip lands the browser. */
const STAFF_HOME = "/personnel";
const directoryRefused = (problem: string) => `/personnel/connexion?probleme=${problem}`;

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

  routes.get(apiRoutes.staffSignInOptions, (c) => c.json({ directory: staff.directory !== undefined }));

  routes.get(apiRoutes.staffDirectoryStart, async (c) => {
    if (!staff.directory) return apiError(c, 404, "staff_directory_not_configured");
    const started = await staff.directory.start().catch((error: Error) => {
      console.error(`The staff directory is unreachable: ${error.message}`);
      return undefined;
    });
    if (!started) return c.redirect(directoryRefused("staff_directory_failed"), 302);
    setCookie(c, DIRECTORY_COOKIE, started.attemptId, {
      secure: true,
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      maxAge: OIDC_ATTEMPT_MINUTES * 60,
    });
    return c.redirect(started.url, 302);
  });

  routes.get(apiRoutes.staffDirectoryCallback, async (c) => {
    if (!staff.directory) return apiError(c, 404, "staff_directory_not_configured");
    const attemptId = getCookie(c, DIRECTORY_COOKIE) ?? "";
    deleteCookie(c, DIRECTORY_COOKIE, { secure: true, path: "/" });
    const outcome = await staff.directory.finish(
      attemptId.length <= 64 ? attemptId : "",
      new URL(c.req.url).search,
    );
    if (!outcome.ok) return c.redirect(directoryRefused(outcome.problem), 302);
    const previous = getCookie(c, STAFF_COOKIE);
    if (previous && previous.length <= 64) await staff.sessions.end(previous);
    setStaffCookie(c, STAFF_COOKIE, outcome.sessionToken, staff.rules.sessionMaxMinutes);
    return c.redirect(STAFF_HOME, 302);
  });

  routes.post(apiRoutes.staffSignOut, async (c) => {
    const token = getCookie(c, STAFF_COOKIE);
    const fromDirectory =
      token && token.length <= 64 && (await staff.sessions.methodOf(token)) === "directory";
    if (token && token.length <= 64) await staff.sessions.end(token);
    clearStaffCookie(c, STAFF_COOKIE);
    // Ending the directory's session too, or the next person at this screen is signed straight back in.
    const endSessionUrl = fromDirectory ? await staff.directory?.endSessionUrl() : undefined;
    return c.json(endSessionUrl ? { endSessionUrl } : {});
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
