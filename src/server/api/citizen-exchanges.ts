/**
 * The citizen's half of the back office, for the request's owner (its account's session, or for
 * a request sent without an account the device holding its id): GET what the province asked and
 * the messages, POST the answer to a task (sent once through the outbox, idempotent by the
 * device's client id), POST a message, GET a file joined to a message (either side's). Another
 * owner's request is 404, as an unknown one.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { CitizenMessageBodySchema, TaskAnswerBodySchema } from "../../shared/api/agents";
import { apiRoutes } from "../../shared/api/paths";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import { currentSession } from "./session-cookie";
import { attachmentResponse } from "./stored-document";
import { parseSubmissionId } from "./submission-body";

const ANSWER_BODY = 32 * 1024;

export function citizenExchangeRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { exchanges } = services.processing;
  const accountOf = async (c: Context) => (await currentSession(c))?.accountId;

  routes.get(apiRoutes.requestExchanges, async (c) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await exchanges.forCitizen(id, await accountOf(c));
    return found ? c.json(found) : apiError(c, 404, "not_found");
  });

  routes.post(apiRoutes.requestTaskAnswer, async (c) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const taskId = c.req.param("taskId") ?? "";
    if (taskId.length > 64) return apiError(c, 404, "task_not_found");
    const body = await readValidBody(c, ANSWER_BODY, TaskAnswerBodySchema);
    if (!body.ok) return body.response;
    const done = await exchanges.answerTask(id, await accountOf(c), taskId, body.value);
    return done.ok ? c.body(null, 204) : apiError(c, done.status, done.code, done.details);
  });

  routes.post(apiRoutes.requestMessages, async (c) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readValidBody(c, ANSWER_BODY, CitizenMessageBodySchema);
    if (!body.ok) return body.response;
    const done = await exchanges.citizenMessage(id, await accountOf(c), body.value);
    return done.ok ? c.body(null, 204) : apiError(c, done.status, done.code);
  });

  routes.get(apiRoutes.requestAttachment, async (c) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const attachmentId = c.req.param("attachmentId") ?? "";
    const found =
      attachmentId.length <= 64
        ? await exchanges.attachmentForCitizen(id, await accountOf(c), attachmentId)
        : undefined;
    return found ? attachmentResponse(c, found) : apiError(c, 404, "attachment_not_found");
  });

  return routes;
}
