/**
 * One request as an agent reads it, in French: the answers in the flow's review sections (the
 * same grouping the citizen checked before sending), each computed value with how it was worked
 * out, the documents, the history, the messages and tasks, the private notes, and what may be
 * done next. The labels are the flow's own texts (locales/fr), as the citizen saw them.
 */
import type { AgentRequestView, CitizenExchanges } from "../../shared/api/agents";
import type { Answers } from "../../shared/engine/answers";
import { DOCUMENT_LATER } from "../../shared/engine/answers";
import { computeValues } from "../../shared/engine/computed";
import { reviewSections } from "../../shared/engine/review";
import type { Field, Flow } from "../../shared/flow/schema";
import type { AnswerChangeRow } from "../db/answer-changes-repository";
import type { RequestDocumentRow } from "../db/exchanges-repository";
import { uploadField } from "../documents/upload-field";
import { documentFields, questionFieldById } from "../flows/flow-fields";
import type { FrenchTexts } from "../flows/french-texts";
import { actionsFrom, isRequestStatus } from "../requests/lifecycle";
import type { RequestFile } from "./actions";
import { correctableQuestions } from "./answer-corrections";
import { reasonsOf } from "./decision-reasons";

const NUMBER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });

export function requestView(
  file: RequestFile,
  flow: Flow | undefined,
  texts: FrenchTexts,
  documents: readonly RequestDocumentRow[],
  exchanges: CitizenExchanges,
  changes: readonly AnswerChangeRow[] = [],
): AgentRequestView {
  const answers = (file.answers ?? {}) as Answers;
  const say = (key: string) => (flow && texts.text(key, flow.id)) ?? key;
  const sections = flow
    ? reviewSections(flow, answers).map((section) => ({
        title: say(section.title),
        rows: section.rows.flatMap((row) => rowsOf(row.field, row.value, say, texts)),
      }))
    : [];
  const computed = flow
    ? computeValues(flow, answers).map((value) => ({
        id: value.id,
        label: say(value.label),
        value: shown(value.value, texts),
        explanation:
          (flow &&
            texts.text(value.explain, flow.id, {
              ...Object.fromEntries(Object.entries(value.inputs).map(([k, v]) => [k, shown(v, texts)])),
              // The explanation names the figure itself, as the citizen's page fills it in.
              value: shown(value.value, texts),
              [value.id]: shown(value.value, texts),
              ...Object.fromEntries(
                Object.entries(flow.parameters).map(([k, p]) => [`params.${k}`, shown(p.value, texts)]),
              ),
            })) ??
          value.explain,
      }))
    : [];
  const status = file.request.status;
  return {
    request: file.request as AgentRequestView["request"],
    flowTitle: flow ? say(flow.title) : file.request.flowId,
    sections,
    computed,
    documents: documents.map((doc) => {
      const field = flow && uploadField(flow, doc.fieldId);
      return {
        uploadId: doc.uploadId,
        label: field ? say(field.label) : doc.fieldId,
        type: doc.type,
        size: doc.size,
      };
    }),
    history: withChanges(
      file.history.map((event) => ({
        at: event.at,
        action: event.action,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        actor: event.actor,
        reason: event.reason,
      })),
      changes.map((change) => changeEntry(change, flow, say, texts)),
    ),
    notes: file.notes,
    messages: exchanges.messages,
    tasks: exchanges.tasks,
    documentFields: flow
      ? documentFields(flow).map((field) => ({ fieldId: field.id, label: say(field.label) }))
      : [],
    questionFields: flow
      ? correctableQuestions(flow, answers).map((field) => ({ fieldId: field.id, label: say(field.label) }))
      : [],
    // The citizen's answer is theirs to give; asking goes through its own route.
    actions: isRequestStatus(status)
      ? actionsFrom(status).filter((a) => a !== "citizen_answered" && a !== "ask_citizen")
      : [],
    reasons: reasonsOf(file.request.flowId, texts),
  };
}

type HistoryEntry = AgentRequestView["history"][number];

/** The status changes and the corrected answers in one history, in time order (stable). */
function withChanges(events: HistoryEntry[], changes: HistoryEntry[]): HistoryEntry[] {
  if (changes.length === 0) return events;
  return [...events, ...changes]
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.order - b.order)
    .map(({ entry }) => entry);
}

/**
 * A corrected answer as the history says it: "Ressources mensuelles : 150 000 → 180 000". It
 * is no change of status: both statuses are left empty.
 */
function changeEntry(
  change: AnswerChangeRow,
  flow: Flow | undefined,
  say: (key: string) => string,
  texts: FrenchTexts,
): HistoryEntry {
  const field = flow && questionFieldById(flow, change.field_id);
  const words = (json: string | null) => {
    const value: unknown = json === null ? undefined : JSON.parse(json);
    return field ? (rowsOf(field, value, say, texts)[0]?.value ?? "") : shown(value, texts);
  };
  return {
    at: change.at,
    action: "correct_answers",
    fromStatus: "",
    toStatus: "",
    actor: "citizen",
    reason: agents(texts, "values.correctedAnswer", {
      label: field ? say(field.label) : change.field_id,
      before: words(change.previous),
      after: words(change.corrected),
    }),
  };
}

function rowsOf(
  field: Field,
  value: unknown,
  say: (key: string) => string,
  texts: FrenchTexts,
): { label: string; value: string }[] {
  const label = say(field.label);
  if (field.type === "group") {
    const items = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
    return items.flatMap((item, index) =>
      field.fields.flatMap((inner) =>
        rowsOf(inner, item?.[inner.id], say, texts).map((row) => ({
          label: `${label} ${index + 1} — ${row.label}`,
          value: row.value,
        })),
      ),
    );
  }
  if (field.type === "choice" || field.type === "choices") {
    const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const words = chosen.map((v) => {
      const option = field.options.find((o) => o.value === v);
      return option ? say(option.label) : String(v);
    });
    return [{ label, value: words.length > 0 ? words.join(", ") : agents(texts, "values.empty") }];
  }
  if (field.type === "document") {
    if (value === DOCUMENT_LATER) return [{ label, value: agents(texts, "values.later") }];
    const count = Array.isArray(value) ? value.length : 0;
    return [{ label, value: agents(texts, "values.documentCount", { count }) }];
  }
  return [{ label, value: shown(value, texts) }];
}

function shown(value: unknown, texts: FrenchTexts): string {
  if (value === undefined || value === null || value === "") return agents(texts, "values.empty");
  if (typeof value === "boolean") return agents(texts, value ? "values.yes" : "values.no");
  if (typeof value === "number") return NUMBER.format(value);
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function agents(texts: FrenchTexts, key: string, params: Record<string, number | string> = {}): string {
  return texts.text(key, "agents", params) ?? key;
}
