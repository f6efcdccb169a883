/**
 * One request, for staff processing its procedure: reading it (audited), its documents (served
 * to them only, sandboxed), its archive PDF, its audit trail (a supervisor's), and the actions
 * — follow, transfer, status changes with their reasons, private notes, asking the citizen,
 * messages (with files, and those files read back). Behind staffOnly("agent", "supervisor",
 * "administrator"); the domain checks the procedure, so another procedure's request is 404 as
 * an unknown one.
 */

import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import { Hono } from "hono";
import {
  AskCitizenBodySchema,
  ColleagueBodySchema,
  NoteBodySchema,
  type StatusBody,
  StatusBodySchema,
} from "../../shared/api/agents";
import { apiRoutes } from "../../shared/api/paths";
import { agentRequest } from "../processing/agent-request";
import { auditEntry, auditTrail } from "../processing/audit";
import { statusRefusal } from "../processing/citizen-exchanges";
import { reasonCodes, reasonLabel } from "../processing/decision-reasons";
import { requestArchive } from "../processing/request-archive";
import type { ApiServices } from "../services";
import { mayProcess, type StaffActor } from "../staff/staff-actor";
import { apiError } from "./errors";
import { readValidBody } from "./json-body";
import { readStaffMessage } from "./staff-message-body";
import { staffOnly } from "./staff-session";
import { attachmentResponse, DOCUMENT_POLICY, storedDocumentHeaders } from "./stored-document";
import { parseSubmissionId } from "./submission-body";

const SMALL_BODY = 16 * 1024;

export function agentRequestRoutes(services: ApiServices): Hono {
  const routes = new Hono();
  const { actions, exchanges, exchangesRepository, repository } = services.processing;
  const texts = services.flows.french;
  const processing = staffOnly("agent", "supervisor", "administrator");

  /** The request's full view; the read is audited. */
  const view = (actor: StaffActor, id: string) =>
    agentRequest({ ...services.processing, flows: services.flows }, actor, id);

  routes.get(apiRoutes.agentRequest, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await view(c.get("staff"), id);
    return found ? c.json(found) : apiError(c, 404, "not_found");
  });

  routes.get(apiRoutes.agentRequestPdf, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await view(c.get("staff"), id);
    if (!found) return apiError(c, 404, "not_found");
    const bytes = await requestArchive(found, texts, new Date());
    return c.body(new Uint8Array(bytes), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${found.request.reference}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": DOCUMENT_POLICY,
    });
  });

  routes.get(apiRoutes.agentRequestDocument, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const actor = c.get("staff");
    const request = await repository.request(id);
    if (!request || !mayProcess(actor, request.flowId)) return apiError(c, 404, "not_found");
    const uploadId = c.req.param("uploadId") ?? "";
    const documents = await exchangesRepository.documents(id);
    const position = documents.findIndex((doc) => doc.uploadId === uploadId);
    const doc = documents[position];
    if (!doc) return apiError(c, 404, "not_found");
    const bytes = await services.documents.readAll(doc.uploadId);
    await repository.transaction((writes) =>
      writes.audit([auditEntry(actor, "read", id, new Date(), `document ${position + 1}`)]),
    );
    const extension = doc.type === "application/pdf" ? "pdf" : (doc.type.split("/")[1] ?? "bin");
    return c.body(
      new Uint8Array(bytes),
      200,
      storedDocumentHeaders(doc.type, `inline; filename="${request.reference}-${position + 1}.${extension}"`),
    );
  });

  routes.get(apiRoutes.agentRequestAudit, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const actor = c.get("staff");
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "csv") return apiError(c, 400, "invalid_body");
    const request = await repository.request(id);
    if (!request || !mayProcess(actor, request.flowId)) return apiError(c, 404, "not_found");
    const entries = await auditTrail(repository, actor, id);
    if (!entries) return apiError(c, 403, "staff_role_required");
    if (format === "json") return c.json({ entries });
    const csv = stringify(
      [
        ["at", "staffId", "sessionId", "action", "detail"],
        ...entries.map((e) => [e.at, e.staffId, e.sessionId, e.action, e.detail ?? ""]),
      ],
      { bom: true, delimiter: ";", record_delimiter: "windows" },
    );
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${request.reference}-audit.csv"`,
      "X-Content-Type-Options": "nosniff",
    });
  });

  routes.post(apiRoutes.agentRequestFollow, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const done = await actions.follow(c.get("staff"), id);
    return done.ok ? c.body(null, 204) : apiError(c, 404, "not_found");
  });

  routes.post(apiRoutes.agentRequestTransfer, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readValidBody(c, SMALL_BODY, ColleagueBodySchema);
    if (!body.ok) return body.response;
    const done = await actions.transfer(c.get("staff"), id, body.value.toStaffId);
    if (done.ok) return c.body(null, 204);
    return done.problem === "not_an_agent_of_procedure"
      ? apiError(c, 422, "not_an_agent_of_procedure")
      : apiError(c, 404, "not_found");
  });

  routes.post(apiRoutes.agentRequestStatus, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readValidBody(c, SMALL_BODY, StatusBodySchema);
    if (!body.ok) return body.response;
    const actor = c.get("staff");
    const request = await repository.request(id);
    if (!request || !mayProcess(actor, request.flowId)) return apiError(c, 404, "not_found");
    const reason = reasonOf(request.flowId, body.value, texts);
    if (!reason.ok) return apiError(c, 422, reason.code);
    const changed = await actions.changeStatus(actor, id, body.value.action, reason.text);
    if (changed.ok) return c.json({ status: changed.status });
    const refusal = statusRefusal(changed.problem);
    return apiError(c, refusal.status, refusal.code);
  });

  routes.post(apiRoutes.agentRequestNotes, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readValidBody(c, SMALL_BODY, NoteBodySchema);
    if (!body.ok) return body.response;
    const done = await actions.addNote(c.get("staff"), id, body.value.text);
    if (done.ok) return c.body(null, 204);
    if (done.problem === "note_empty") return apiError(c, 422, "note_empty");
    return apiError(c, 404, "not_found");
  });

  routes.post(apiRoutes.agentRequestAsk, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readValidBody(c, SMALL_BODY, AskCitizenBodySchema);
    if (!body.ok) return body.response;
    if (body.value.kind === "correction" && body.value.text === "")
      return apiError(c, 422, "ask_text_required");
    if (body.value.kind === "documents" && (body.value.documents ?? []).length === 0)
      return apiError(c, 422, "ask_documents_required");
    const done = await exchanges.ask(c.get("staff"), id, body.value);
    return done.ok ? c.body(null, 204) : apiError(c, done.status, done.code);
  });

  routes.post(apiRoutes.agentRequestMessages, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const body = await readStaffMessage(c);
    if (!body.ok) return body.response;
    const done = await exchanges.staffMessage(c.get("staff"), id, body.text, body.files);
    return done.ok ? c.body(null, 204) : apiError(c, done.status, done.code);
  });

  routes.get(apiRoutes.agentRequestAttachment, processing, async (c) => {
    const id = requestId(c);
    if (!id) return apiError(c, 400, "invalid_id");
    const found = await exchanges.attachmentForStaff(c.get("staff"), id, c.req.param("attachmentId") ?? "");
    return found ? attachmentResponse(c, found) : apiError(c, 404, "attachment_not_found");
  });

  return routes;
}

const requestId = (c: Context) => parseSubmissionId(c.req.param("id") ?? "");

/**
 * The reason as the citizen will read it: for a refusal or a closing, the department's label of
 * the chosen code, then the agent's words; otherwise the agent's words alone (optional for an
 * acceptance, required for a reopening: the lifecycle says which).
 */
function reasonOf(
  flowId: string,
  body: StatusBody,
  texts: ApiServices["flows"]["french"],
):
  | { ok: true; text: string | undefined }
  | { ok: false; code: "unknown_reason" | "reason_required" | "reason_not_expected" } {
  const words = body.reason?.trim() || undefined;
  if (body.action === "refuse" || body.action === "close") {
    if (!body.reasonCode) return { ok: false, code: "reason_required" };
    if (!reasonCodes(flowId, body.action).includes(body.reasonCode))
      return { ok: false, code: "unknown_reason" };
    const label = reasonLabel(texts, body.reasonCode);
    return { ok: true, text: words ? `${label}\u00a0: ${words}` : label };
  }
  if (body.reasonCode) return { ok: false, code: "reason_not_expected" };
  return { ok: true, text: words };
}
