/**
 * /api/mediation/…: the mediators' board (help calls and posts in use, as JSON and live as
 * server-sent events) and the anonymous statistics per procedure and step. Every answer names
 * posts, procedures and steps only: no person, no answer, no document (a test reads them all).
 */
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import { apiRoutes } from "../../shared/api/paths";
import type { Board, Statistics } from "../../shared/api/posts";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { STAFF_COOKIE, staffOnly } from "./staff-session";

/** How often the live board looks for changes: the issue asks for a call shown within 2 s. */
const BOARD_POLL_MS = 500;
/** A comment line now and then keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 20_000;
/**
 * How often an open stream checks its session: one ended (sign-out, an administrator, disabled)
 * stops receiving the board within this time. An open board counts as use of the session.
 */
const SESSION_CHECK_MS = 5_000;

export function mediationRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { posts, flows } = services;
  const mediator = staffOnly("mediator");
  const department = staffOnly("mediator", "supervisor", "administrator");

  async function board(): Promise<Board> {
    const [calls, list] = await Promise.all([posts.openCalls(), posts.list()]);
    return {
      calls: calls.map((call) => ({
        id: call.id,
        post: call.postName,
        since: call.createdAt,
        status: call.status === "coming" ? "coming" : "waiting",
        procedure: call.flowId ? (flows.procedureTitle(call.flowId) ?? null) : null,
        step: call.flowId && call.stepId ? (flows.stepTitle(call.flowId, call.stepId) ?? null) : null,
      })),
      posts: list.map((post) => ({ id: post.id, name: post.name, inUseSince: post.inUseSince })),
    };
  }

  routes.get(apiRoutes.mediationBoard, mediator, async (c) => c.json(await board()));

  // Polling the database (not an in-process event) so a call made on another server process shows too.
  routes.get(apiRoutes.mediationEvents, mediator, (c) => {
    const token = getCookie(c, STAFF_COOKIE) ?? "";
    return streamSSE(c, async (stream) => {
      let last = "";
      let quietSince = Date.now();
      let checkedAt = Date.now();
      while (!stream.aborted && !stream.closed) {
        if (Date.now() - checkedAt >= SESSION_CHECK_MS) {
          checkedAt = Date.now();
          // The browser reconnects, is answered 401, and its page goes to the sign-in.
          if (!(await services.staff.sessions.actorOf(token))) break;
        }
        const now = JSON.stringify(await board());
        if (now !== last) {
          last = now;
          quietSince = Date.now();
          await stream.writeSSE({ event: "board", data: now, retry: 2000 });
        } else if (Date.now() - quietSince > KEEP_ALIVE_MS) {
          quietSince = Date.now();
          await stream.write(": keep-alive\n\n");
        }
        await stream.sleep(BOARD_POLL_MS);
      }
    });
  });

  routes.post(apiRoutes.mediationTake, mediator, async (c) =>
    (await posts.take(c.req.param("id"))) ? c.json(await board()) : apiError(c, 404, "help_call_not_found"),
  );

  routes.post(apiRoutes.mediationClose, mediator, async (c) =>
    (await posts.close(c.req.param("id"))) ? c.json(await board()) : apiError(c, 404, "help_call_not_found"),
  );

  routes.get(apiRoutes.mediationStatistics, department, async (c) => {
    const steps = await posts.statistics();
    const answer: Statistics = {
      steps: steps.map((s) => ({
        procedure: flows.procedureTitle(s.flowId) ?? s.flowId,
        step: flows.stepTitle(s.flowId, s.stepId) ?? s.stepId,
        helpCalls: s.helpCalls,
        visits: s.visits,
        medianSeconds: s.medianSeconds,
        stops: s.stops,
      })),
    };
    return c.json(answer);
  });

  return routes;
}
