/**
 * PUT /api/submissions/{id} records a request exactly once; GET tells its status. The id is a
 * UUID made on the device, so a request sent again after a lost answer finds its first
 * recording: same body → the same receipt (200), different body → 409. The rules are the
 * requests domain's (src/server/requests); this file only speaks HTTP.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorCode } from "../../shared/api/error-codes";
import { reportedFields } from "../requests/reported-fields";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { readJsonBody } from "./json-body";
import { currentSession } from "./session-cookie";
import { parseSubmissionBody, parseSubmissionId } from "./submission-body";

/** Why a request was not recorded, as an HTTP status: what the client must do differs. */
const REFUSAL_STATUS: Partial<Record<ApiErrorCode, ContentfulStatusCode>> = {
  unknown_flow: 422,
  invalid_answers: 422,
  invalid_documents: 422,
};

export function putSubmission(services: ApiServices) {
  return async (c: Context) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const json = await readJsonBody(c, services.maxBodyBytes);
    if (!json.ok) return json.response;
    const parsed = parseSubmissionBody(json.value);
    if (!parsed.ok) {
      const report = reportedFields(parsed.paths, (first) =>
        first.map((path) => ({ path, code: "invalid", message: "Cette valeur n'a pas la forme attendue." })),
      );
      return apiError(c, 400, "invalid_body", report);
    }
    const outcome = await services.requests.submit(id, parsed.body);
    if (outcome.kind === "refused")
      return apiError(c, REFUSAL_STATUS[outcome.code] ?? 409, outcome.code, outcome.details);
    // Sent while signed in: the request follows the person to their other devices. A replay
    // counts too (the first try's answer was lost, or the person signed in since).
    const session = await currentSession(c);
    if (session) await services.requests.attachOwner(id, session.accountId);
    return c.json(outcome.receipt, outcome.kind === "created" ? 201 : 200);
  };
}

export function getSubmission(services: ApiServices) {
  return async (c: Context) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const receipt = await services.requests.receiptFor(id, (await currentSession(c))?.accountId);
    // Another account's request is answered as an unknown one, as its status is.
    if (!receipt) return apiError(c, 404, "not_found");
    return c.json(receipt);
  };
}
