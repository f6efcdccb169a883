/** Finding a flow's field from an answer path ("income", "children.1.level"). */
import type { Field, Flow, LeafFieldDef } from "../../shared/flow/schema";

export type DocumentFieldDef = Extract<LeafFieldDef, { type: "document" }>;

function topLevelFields(flow: Flow): Field[] {
  return flow.steps.flatMap((step) => ("fields" in step ? step.fields : []));
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

/** Every answer path that holds document references, with its field: "taxNoticeFile", "children.0.certificate". */
export function documentAnswerPaths(
  flow: Flow,
  answers: Readonly<Record<string, unknown>>,
): { path: string; field: DocumentFieldDef }[] {
  return topLevelFields(flow).flatMap((field) => {
    if (field.type === "document") return [{ path: field.id, field }];
    if (field.type !== "group") return [];
    const items = answers[field.id];
    if (!Array.isArray(items)) return [];
    return items.flatMap((_, index) =>
      field.fields.flatMap((sub) =>
        sub.type === "document" ? [{ path: `${field.id}.${index}.${sub.id}`, field: sub }] : [],
      ),
    );
  });
}
