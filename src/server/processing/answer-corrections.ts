/**
 * The citizen's corrected answers, inside their answer's transaction: the named answers put in
 * place of the request's, the whole set checked by the engine against the flow version the
 * request was sent with (as a request is checked when it arrives), the queue facets and computed
 * values worked out again, and each changed answer kept with what it was. Refused answers leave
 * the request as it was: the caller rolls the transaction back.
 */
import type { Transaction } from "kysely";
import type { ApiErrorCode } from "../../shared/api/error-codes";
import type { Answers } from "../../shared/engine/answers";
import { reviewSections } from "../../shared/engine/review";
import { validateAnswers } from "../../shared/engine/validate";
import type { Flow } from "../../shared/flow/schema";
import type { AnswerChangeRow, AnswerChangesRepository } from "../db/answer-changes-repository";
import type { Tables } from "../db/tables";
import { type QuestionFieldDef, questionFields } from "../flows/flow-fields";
import type { FlowRegistry } from "../flows/flow-registry";
import { describeErrors } from "../requests/answer-errors";
import { canonicalJson } from "../requests/fingerprint";
import { queueFacets } from "../requests/queue-facets";
import { reportedFields } from "../requests/reported-fields";

export interface CorrectionDeps {
  readonly flows: FlowRegistry;
  readonly changes: AnswerChangesRepository;
  readonly newId: () => string;
}

export type CorrectionOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: ApiErrorCode;
      readonly status: 404 | 409 | 422;
      readonly details?: Readonly<Record<string, unknown>>;
    };

/**
 * The questions an agent may ask the person to correct: those the request was asked (shown on
 * its path), neither documents nor lists holding documents; a list ("Vos enfants") is corrected
 * whole, its entries sent again. One the other answers hide could not be answered without
 * changing those too: the engine would refuse it.
 */
export function correctableQuestions(flow: Flow, answers: Answers): QuestionFieldDef[] {
  const asked = new Set(
    reviewSections(flow, answers).flatMap((section) => section.rows.map((row) => row.field.id)),
  );
  return questionFields(flow).filter((field) => asked.has(field.id));
}

/** A corrected answer; null clears it. */
export type Corrections = Readonly<Record<string, unknown>>;

export async function correctAnswers(
  deps: CorrectionDeps,
  trx: Transaction<Tables>,
  request: { readonly id: string; readonly taskId: string; readonly at: string },
  corrections: Corrections,
): Promise<CorrectionOutcome> {
  const before = await deps.changes.answered(request.id, trx);
  if (!before) return { ok: false, code: "not_found", status: 404 };
  const flow = deps.flows.get(before.flowId, before.flowVersion);
  if (!flow) return { ok: false, code: "unknown_flow", status: 422 };
  const previous = JSON.parse(before.answers) as Answers;
  const next: Record<string, unknown> = { ...previous };
  const changes: AnswerChangeRow[] = [];
  for (const [fieldId, value] of Object.entries(corrections)) {
    const was = Object.hasOwn(previous, fieldId) ? previous[fieldId] : null;
    const wasText = was === null || was === undefined ? null : canonicalJson(was);
    const nowText = value === null ? null : canonicalJson(value);
    if (wasText === nowText) continue;
    if (value === null) delete next[fieldId];
    else next[fieldId] = value;
    changes.push({
      id: deps.newId(),
      request_id: request.id,
      task_id: request.taskId,
      at: request.at,
      field_id: fieldId,
      previous: wasText,
      corrected: nowText,
    });
  }
  // The person confirmed their answers as they were: nothing to check again, nothing to keep.
  if (changes.length === 0) return { ok: true };
  const errors = validateAnswers(flow, next);
  if (errors.length > 0)
    return {
      ok: false,
      code: "invalid_corrections",
      status: 422,
      details: reportedFields(errors, (first) => describeErrors(flow, first, deps.flows.french)),
    };
  const rewritten = await deps.changes.rewrite(trx, request.id, {
    before,
    answers: canonicalJson(next),
    facets: queueFacets(flow, next),
  });
  if (!rewritten) return { ok: false, code: "request_changed", status: 409 };
  await deps.changes.append(trx, changes);
  return { ok: true };
}
