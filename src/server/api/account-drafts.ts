/**
 * Drafts kept in the account: GET /api/account/drafts (the list, with answers, for a device to
 * bring in), GET/PUT/DELETE /api/account/drafts/{id}. Signed in only; another account's draft
 * answers 404 as a missing one. GET /api/account/drafts/{id}/documents/{upload} gives the bytes of
 * one document the draft names, to its owner only, for a device that must hold them ("keep
 * both"). PUT is a compare-and-set on the revision the device last had: 409 `draft_conflict`
 * carries the server's copy as `draft`, for the person to choose.
 */
import type { Context } from "hono";
import { Hono } from "hono";
import * as v from "valibot";
import { DRAFT_ID, MAX_DRAFT_BODY_BYTES, SaveDraftSchema } from "../../shared/api/account-drafts";
import { apiRoutes } from "../../shared/api/paths";
import type { ApiServices } from "../services";
import { apiError } from "./errors";
import { readJsonBody } from "./json-body";
import { signedInOnly, signedInSession } from "./session-cookie";
import { storedDocumentHeaders } from "./stored-document";

export function accountDraftRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { drafts } = services;
  const signed = signedInOnly();
  const accountOf = async (c: Context) => (await signedInSession(c)).accountId;
  const idOf = (c: Context) => {
    const id = (c.req.param("id") ?? "").toLowerCase();
    return DRAFT_ID.test(id) ? id : undefined;
  };

  routes.get(apiRoutes.accountDrafts, signed, async (c) =>
    c.json({ drafts: await drafts.list(await accountOf(c)) }),
  );

  routes.get(apiRoutes.accountDraft, signed, async (c) => {
    const id = idOf(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const draft = await drafts.get(await accountOf(c), id);
    return draft ? c.json(draft) : apiError(c, 404, "draft_not_found");
  });

  routes.get(apiRoutes.accountDraftDocument, signed, async (c) => {
    const id = idOf(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await drafts.documentOf(await accountOf(c), id, c.req.param("uploadId") ?? "");
    if (found === "no-draft") return apiError(c, 404, "draft_not_found");
    if (found === "no-document") return apiError(c, 404, "draft_document_not_found");
    return c.body(new Uint8Array(found.bytes), 200, storedDocumentHeaders(found.type, "attachment"));
  });

  routes.put(apiRoutes.accountDraft, signed, async (c) => {
    const id = idOf(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const accountId = await accountOf(c);
    const json = await readJsonBody(c, MAX_DRAFT_BODY_BYTES);
    if (!json.ok) return json.response;
    const parsed = v.safeParse(SaveDraftSchema, json.value);
    if (!parsed.success) return apiError(c, 400, "invalid_body");
    if (!services.flows.get(parsed.output.flowId, parsed.output.flowVersion))
      return apiError(c, 422, "unknown_flow");
    const outcome = await drafts.save(accountId, id, parsed.output);
    switch (outcome.kind) {
      case "saved":
        return c.json(outcome.draft);
      case "conflict":
        return apiError(c, 409, "draft_conflict", { draft: outcome.draft });
      case "not_found":
        return apiError(c, 404, "draft_not_found");
      case "too_many":
        return apiError(c, 409, "too_many_drafts");
    }
  });

  routes.delete(apiRoutes.accountDraft, signed, async (c) => {
    const id = idOf(c);
    if (!id) return apiError(c, 400, "invalid_id");
    return (await drafts.delete(await accountOf(c), id))
      ? c.body(null, 204)
      : apiError(c, 404, "draft_not_found");
  });

  return routes;
}
