/**
 * The requests that follow the person: GET /api/account/requests (the signed-in account's),
 * POST /api/account/requests/attach (a device's account-free requests, proven by its receipts)
 * and GET /api/submissions/{id}/status (one request, for its receipt: its owner's session, or
 * the id alone for a request sent without an account). The rules are the requests domain's.
 */
import { Hono } from "hono";
import * as v from "valibot";
import { AttachRequestsSchema } from "../../shared/api/account-requests";
import { apiRoutes } from "../../shared/api/paths";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { readJsonBody } from "./json-body";
import { currentSession, signedInOnly, signedInSession } from "./session-cookie";
import { parseSubmissionId } from "./submission-body";

/** 100 proofs of about 80 bytes each. */
const MAX_ATTACH_BODY = 16 * 1024;

export function accountRequestRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { requests, account } = services;
  const signed = signedInOnly();

  routes.get(apiRoutes.accountRequests, signed, async (c) =>
    c.json({ requests: await requests.ofAccount((await signedInSession(c)).accountId) }),
  );

  routes.post(apiRoutes.accountRequestsAttach, signed, async (c) => {
    const accountId = (await signedInSession(c)).accountId;
    const json = await readJsonBody(c, MAX_ATTACH_BODY);
    if (!json.ok) return json.response;
    const parsed = v.safeParse(AttachRequestsSchema, json.value);
    if (!parsed.success) return apiError(c, 400, "invalid_body");
    const answer = await requests.attach(accountId, parsed.output.requests);
    const attached = answer.results.filter((result) => result.outcome === "attached").length;
    if (attached > 0)
      await account.audit.record("requests_attached", { accountId, detail: String(attached) });
    return c.json(answer);
  });

  routes.get(apiRoutes.requestStatus, async (c) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const standing = await requests.standingFor(id, (await currentSession(c))?.accountId);
    // Another account's request is answered as an unknown one: its existence is nobody's business.
    return standing ? c.json(standing) : apiError(c, 404, "not_found");
  });

  return routes;
}
