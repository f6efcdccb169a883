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
import { itemTitle } from "../../shared/engine/visibility";
import type { Field, Flow, GroupFieldDef } from "../../shared/flow/schema";
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
  const parsed = (json: string | null): unknown => (json === null ? undefined : JSON.parse(json));
  const words = (json: string | null) => {
    const value = parsed(json);
    return field ? (rowsOf(field, value, say, texts)[0]?.value ?? "") : shown(value, texts);
  };
  const { before, after } =
    flow && field?.type === "group"
      ? listChange(flow, field, parsed(change.previous), parsed(change.corrected), say, texts)
      : { before: words(change.previous), after: words(change.corrected) };
  return {
    at: change.at,
    action: "correct_answers",
    fromStatus: "",
    toStatus: "",
    actor: "citizen",
    reason: agents(texts, "values.correctedAnswer", {
      label: field ? say(field.label) : change.field_id,
      before,
      after,
    }),
  };
}

type Entry = Readonly<Record<string, unknown>>;

/**
 * A corrected list in few words: only its entries that changed, each by its name ("Léa") and,
 * when it is there before and after, with the answers that changed in it: « Léa (Niveau :
 * Primaire) » devient « Léa (Niveau : Collège) ». An entry added or removed shows by its name.
 */
function listChange(
  flow: Flow,
  group: GroupFieldDef,
  previous: unknown,
  corrected: unknown,
  say: (key: string) => string,
  texts: FrenchTexts,
): { before: string; after: string } {
  const entries = (value: unknown): Entry[] =>
    Array.isArray(value)
      ? value.filter((item): item is Entry => typeof item === "object" && item !== null)
      : [];
  const was = entries(previous);
  const now = entries(corrected);
  const named = (item: Entry, index: number) =>
    itemTitle(flow, group, item, {}) ??
    agents(texts, "values.entryNumber", { item: say(group.itemLabel), number: index + 1 });
  const described = (item: Entry, other: Entry | undefined, index: number) => {
    const name = named(item, index);
    if (!other) return name;
    const changes = group.fields
      .filter((inner) => JSON.stringify(item[inner.id] ?? null) !== JSON.stringify(other[inner.id] ?? null))
      .map((inner) =>
        agents(texts, "values.entryAnswer", {
          label: say(inner.label),
          value: rowsOf(inner, item[inner.id], say, texts)[0]?.value ?? "",
        }),
      );
    return agents(texts, "values.changedEntry", { name, changes: changes.join(" ; ") });
  };
  const before: string[] = [];
  const after: string[] = [];
  for (let index = 0; index < Math.max(was.length, now.length); index++) {
    const old = was[index];
    const next = now[index];
    if (JSON.stringify(old ?? null) === JSON.stringify(next ?? null)) continue;
    if (old) before.push(described(old, next, index));
    if (next) after.push(described(next, old, index));
  }
  const joined = (parts: string[]) => (parts.length > 0 ? parts.join(", ") : agents(texts, "values.noEntry"));
  return { before: joined(before), after: joined(after) };
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
