/**
 * Removes answers that belong to branches no longer taken, and says which, so the review never
 * shows a stale answer and the person can be told what was removed.
 */
import { indexFlow } from "../flow/flow-index";
import type { Flow } from "../flow/schema";
import { type Answers, APPLY_ANYWAY, appliedAnyway, type Item } from "./answers";
import { scopeFor } from "./computed";
import { pathOf } from "./path";
import { isShown } from "./validate";

export interface Pruned {
  readonly answers: Answers;
  /** Dotted paths of the answers removed ("separationDate", "children.0.boardingSchool"). */
  readonly dropped: readonly string[];
}

export function pruneAnswers(flow: Flow, answers: Answers): Pruned {
  const index = indexFlow(flow);
  const scope = scopeFor(flow, answers);
  const path = pathOf(flow, answers, scope);
  const onPath = new Set(path);
  const kept: Answers = {};
  const dropped: string[] = [];

  for (const [key, value] of Object.entries(answers)) {
    if (key === APPLY_ANYWAY) continue;
    const entry = index.fields.get(key);
    if (!entry || !onPath.has(entry.stepId) || !isShown(entry.field.showIf, scope)) {
      dropped.push(key);
      continue;
    }
    const group = entry.field;
    if (group.type !== "group" || !Array.isArray(value)) {
      kept[key] = value;
      continue;
    }
    kept[key] = (value as Item[]).map((item, i) => {
      const itemScope = { ...scope, item };
      const next: Item = {};
      for (const [subId, subValue] of Object.entries(item)) {
        const sub = group.fields.find((f) => f.id === subId);
        if (sub && isShown(sub.showIf, itemScope)) next[subId] = subValue;
        else dropped.push(`${key}.${i}.${subId}`);
      }
      return next;
    });
  }

  const passed = appliedAnyway(answers).filter((id) => onPath.has(id));
  if (passed.length > 0) kept[APPLY_ANYWAY] = passed;
  return {
    answers: dropped.length === 0 && passed.length === appliedAnyway(answers).length ? answers : kept,
    dropped,
  };
}
