/** Finding a flow's field from an answer path ("income", "children.1.level"). */
import { type CorrectableFieldDef, isCorrectableField } from "../../shared/flow/correctable-field";
import type { Field, Flow, LeafFieldDef } from "../../shared/flow/schema";

export type DocumentFieldDef = Extract<LeafFieldDef, { type: "document" }>;

type GroupField = Extract<Field, { type: "group" }>;

type DocumentHolder =
  | { readonly field: DocumentFieldDef }
  | { readonly group: GroupField; readonly inner: readonly DocumentFieldDef[] };

interface DocumentFields {
  readonly topLevel: readonly Field[];
  /** Top-level document fields, and groups with their document fields, in flow order. */
  readonly holders: readonly DocumentHolder[];
}

/** Flows never change once loaded: each one's fields are listed once, for every request. */
const listed = new WeakMap<Flow, DocumentFields>();

function fieldsOf(flow: Flow): DocumentFields {
  const known = listed.get(flow);
  if (known) return known;
  const topLevel = flow.steps.flatMap((step) => ("fields" in step ? step.fields : []));
  const holders = topLevel.flatMap((field): DocumentHolder[] => {
    if (field.type === "document") return [{ field }];
    if (field.type !== "group") return [];
    const inner = field.fields.filter((f): f is DocumentFieldDef => f.type === "document");
    return inner.length > 0 ? [{ group: field, inner }] : [];
  });
  const fields = { topLevel, holders };
  listed.set(flow, fields);
  return fields;
}

function topLevelFields(flow: Flow): readonly Field[] {
  return fieldsOf(flow).topLevel;
}

/** The field an answer path names, skipping item indexes; undefined when there is none. */
export function fieldAt(flow: Flow, path: string): Field | undefined {
  const [id, index, subId, ...rest] = path.split(".");
  const field = topLevelFields(flow).find((f) => f.id === id);
  if (index === undefined || field === undefined) return field;
  if (field.type !== "group" || !/^\d+$/.test(index) || subId === undefined || rest.length > 0)
    return undefined;
  return field.fields.find((f) => f.id === subId);
}

export function documentFieldAt(flow: Flow, path: string): DocumentFieldDef | undefined {
  const field = fieldAt(flow, path);
  return field?.type === "document" ? field : undefined;
}

/** A document field named by its id alone (upload metadata may give the id or the answer path). */
export function documentFieldById(flow: Flow, idOrPath: string): DocumentFieldDef | undefined {
  const direct = documentFieldAt(flow, idOrPath);
  if (direct) return direct;
  for (const field of topLevelFields(flow)) {
    if (field.type !== "group") continue;
    const inner = field.fields.find((f) => f.id === idOrPath);
    if (inner?.type === "document") return inner;
  }
  return undefined;
}

/** Every document field of the flow, a group's own once, in flow order: what may be asked for. */
export function documentFields(flow: Flow): DocumentFieldDef[] {
  return fieldsOf(flow).holders.flatMap((holder) => ("field" in holder ? [holder.field] : holder.inner));
}

/** Every answer path that holds document references, with its field: "taxNoticeFile", "children.0.certificate". */
export function documentAnswerPaths(
  flow: Flow,
  answers: Readonly<Record<string, unknown>>,
): { path: string; field: DocumentFieldDef; value: unknown }[] {
  const paths: { path: string; field: DocumentFieldDef; value: unknown }[] = [];
  for (const holder of fieldsOf(flow).holders) {
    if ("field" in holder) {
      paths.push({ path: holder.field.id, field: holder.field, value: answers[holder.field.id] });
      continue;
    }
    const items = answers[holder.group.id];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, index) => {
      for (const field of holder.inner)
        paths.push({
          path: `${holder.group.id}.${index}.${field.id}`,
          field,
          value:
            typeof item === "object" && item !== null
              ? (item as Record<string, unknown>)[field.id]
              : undefined,
        });
    });
  }
  return paths;
}

export type QuestionFieldDef = CorrectableFieldDef;

/**
 * The questions a correction may name, in flow order: top-level answers that are neither a
 * document (asked for as documents) nor a list holding documents (correctable-field.ts).
 */
export function questionFields(flow: Flow): QuestionFieldDef[] {
  return topLevelFields(flow).filter(isCorrectableField);
}

export function questionFieldById(flow: Flow, id: string): QuestionFieldDef | undefined {
  return questionFields(flow).find((field) => field.id === id);
}
