/**
 * PUT /api/submissions/{id} records a request exactly once; GET tells its status. The id is a
 * UUID made on the device, so a request sent again after a lost answer finds its first
 * recording: same body → the same receipt (200), different body → 409.
 */
import type { Context } from "hono";
import type { Receipt } from "../../shared/api/submission";
import { validateAnswers } from "../../shared/engine/validate";
import type { ApiServices } from "../services";
import { describeErrors } from "./answer-errors";
import { checkStoredDocuments, matchDocuments } from "./document-checks";
import { apiError } from "./errors";
import { readJsonBody } from "./json-body";
import { fingerprint, parseSubmissionBody, parseSubmissionId } from "./submission-body";

export function putSubmission(services: ApiServices) {
  return async (c: Context) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const json = await readJsonBody(c, services.maxBodyBytes);
    if (!json.ok) return json.response;
    const parsed = parseSubmissionBody(json.value);
    if (!parsed.ok) {
      const fields = parsed.paths.map((path) => ({
        path,
        code: "invalid",
        message: "Cette valeur n'a pas la forme attendue.",
      }));
      return apiError(c, 400, "invalid_body", { fields });
    }
    const { body } = parsed;
    const { answers, bodySha256 } = fingerprint(body);

    // A replay is answered before any check: the flow may have changed since the first time.
    const existing = await services.submissions.find(id);
    if (existing) {
      if (existing.bodySha256 !== bodySha256) return apiError(c, 409, "submission_conflict");
      return c.json(receiptBody(existing), 200);
    }

    const flow = services.flows.get(body.flowId, body.flowVersion);
    if (!flow) return apiError(c, 422, "unknown_flow");
    const errors = validateAnswers(flow, body.answers);
    if (errors.length > 0)
      return apiError(c, 422, "invalid_answers", {
        fields: describeErrors(flow, errors, services.flows.french),
      });
    const { problems, paired } = matchDocuments(flow, body.answers, body.documents);
    if (problems.length > 0) return apiError(c, 422, "invalid_documents", { fields: problems });
    const stored = await checkStoredDocuments(services, flow, paired);
    if (!stored.ok) return apiError(c, 409, stored.code, { uploadIds: stored.uploadIds });

    const result = await services.submissions.record(
      {
        id,
        flowId: flow.id,
        flowVersion: flow.version,
        referencePrefix: flow.referencePrefix,
        bodySha256,
        answers,
        documents: body.documents,
      },
      { checkedNew: true },
    );
    switch (result.outcome) {
      case "created":
        return c.json(receiptBody(result.receipt), 201);
      case "replayed":
        return c.json(receiptBody(result.receipt), 200);
      case "conflict":
        return apiError(c, 409, "submission_conflict");
      case "document_in_use":
        return apiError(c, 409, "document_in_use", { uploadIds: result.uploadIds });
    }
  };
}

export function getSubmission(services: ApiServices) {
  return async (c: Context) => {
    const id = parseSubmissionId(c.req.param("id") ?? "");
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await services.submissions.find(id);
    if (!found) return apiError(c, 404, "not_found");
    return c.json(receiptBody(found));
  };
}

/** Only the receipt's fields: the stored row has more (the body's digest) that is nobody's business. */
function receiptBody(receipt: Receipt): Receipt {
  return {
    id: receipt.id,
    reference: receipt.reference,
    receivedAt: receipt.receivedAt,
    status: receipt.status,
  };
}
