/**
 * The back office's queues, for staff processing a procedure: a page of a queue with every
 * queue's count (GET, the filters in the query string so a queue is an address to bookmark),
 * its export as CSV or XLSX, assigning it in bulk, and the procedure's agents (by name) to
 * hand requests to. Everything sits behind
 * staffOnly("agent", "supervisor", "administrator"); the processing domain then checks the
 * procedure itself, so another procedure's queue answers 404 and its count is never given.
 * One request's routes are in agents-requests.ts.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import * as v from "valibot";
import { ColleagueBodySchema, QueueQuerySchema } from "../../shared/api/agents";
import { apiRoutes } from "../../shared/api/paths";
import { proceduresOf } from "../processing/procedure-titles";
import { QUEUES, type QueueFilters, type QueueName, type QueueRequest } from "../processing/queues";
import type { ApiServices } from "../services";
import { agentRequestRoutes } from "./agents-requests";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import { staffOnly } from "./staff-session";

export const PROCESSING_ROLES = ["agent", "supervisor", "administrator"] as const;

export function agentRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { queues, actions, exports } = services.processing;
  const processing = staffOnly(...PROCESSING_ROLES);

  routes.get(apiRoutes.agentQueue, processing, async (c) => {
    const target = queueTarget(c);
    if (!target.ok) return target.response;
    const actor = c.get("staff");
    const [page, counts] = await Promise.all([
      queues.page(actor, target.request),
      queues.counts(actor, target.request.flowId),
    ]);
    if (!page || !counts) return apiError(c, 404, "not_found");
    return c.json({ ...page, counts, procedures: proceduresOf(actor, services.flows) });
  });

  routes.get(apiRoutes.agentColleagues, processing, async (c) => {
    const flowId = c.req.param("flowId") ?? "";
    const colleagues = await actions.colleagues(c.get("staff"), flowId);
    return colleagues ? c.json({ colleagues }) : apiError(c, 404, "not_found");
  });

  routes.get(apiRoutes.agentQueueExport, processing, async (c) => {
    const target = queueTarget(c);
    if (!target.ok) return target.response;
    const format = c.req.query("format");
    if (format !== "csv" && format !== "xlsx") return apiError(c, 400, "invalid_body");
    const file = await exports.export(c.get("staff"), target.request, format);
    if (!file) return apiError(c, 404, "not_found");
    const name = `${target.request.flowId}-${target.request.queue}.${format}`;
    return c.body(new Uint8Array(file.bytes), 200, {
      "Content-Type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
    });
  });

  routes.post(apiRoutes.agentQueueAssign, processing, async (c) => {
    const target = queueTarget(c);
    if (!target.ok) return target.response;
    const body = await readValidBody(c, 1024, ColleagueBodySchema);
    if (!body.ok) return body.response;
    const result = await actions.bulkAssign(c.get("staff"), target.request, body.value.toStaffId);
    if (result === undefined) return apiError(c, 404, "not_found");
    if (result === "not_an_agent_of_procedure") return apiError(c, 422, "not_an_agent_of_procedure");
    return c.json(result);
  });

  routes.route("/", agentRequestRoutes(services));
  return routes;
}

type Target = { ok: true; request: QueueRequest } | { ok: false; response: Response };

/** The procedure, the queue and the query string; 404 for an unknown queue, 400 for a bad filter. */
function queueTarget(c: Context): Target {
  const flowId = c.req.param("flowId") ?? "";
  const queue = c.req.param("queue") ?? "";
  if (flowId.length > 64 || !(QUEUES as readonly string[]).includes(queue))
    return { ok: false, response: apiError(c, 404, "not_found") };
  const parsed = v.safeParse(QueueQuerySchema, c.req.query());
  if (!parsed.success) return { ok: false, response: apiError(c, 400, "invalid_body") };
  const q = parsed.output;
  const filters: QueueFilters = {
    ...(q.status ? { statuses: q.status } : {}),
    ...(q.from ? { receivedFrom: q.from } : {}),
    ...(q.to ? { receivedTo: q.to } : {}),
    ...(q.commune ? { commune: q.commune } : {}),
    ...(q.assignee ? { assignee: q.assignee } : {}),
    ...(q.quotientMin !== undefined ? { quotientMin: q.quotientMin } : {}),
    ...(q.quotientMax !== undefined ? { quotientMax: q.quotientMax } : {}),
    ...(q.underCeiling !== undefined ? { underCeiling: q.underCeiling } : {}),
    ...(q.estimate ? { estimate: q.estimate } : {}),
    ...(q.q ? { text: q.q } : {}),
  };
  if (!validDay(q.from) || !validDay(q.to)) return { ok: false, response: apiError(c, 400, "invalid_body") };
  return {
    ok: true,
    request: {
      flowId,
      queue: queue as QueueName,
      filters,
      ...(q.sort ? { sort: q.sort } : {}),
      ...(q.direction ? { direction: q.direction } : {}),
      ...(q.page !== undefined ? { page: q.page } : {}),
      ...(q.pageSize !== undefined ? { pageSize: q.pageSize } : {}),
    },
  };
}

/** 2026-02-31 has the shape of a day and is not one. */
function validDay(day: string | undefined): boolean {
  if (day === undefined) return true;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}
