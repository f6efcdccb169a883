/** The check-your-answers page: every question on the path taken, grouped by section. */
import { indexFlow } from "../flow/flow-index";
import type { Field, Flow } from "../flow/schema";
import type { Answers } from "./answers";
import { scopeFor } from "./computed";
import { pathOf } from "./path";
import { isShown } from "./validate";

export interface ReviewRow {
  readonly field: Field;
  /** The step to open with "Modifier". */
  readonly step: string;
  readonly value: unknown;
}

export interface ReviewSection {
  /** Locale key: the steps' section, or the step title when it has none. */
  readonly title: string;
  readonly rows: readonly ReviewRow[];
}

export function reviewSections(flow: Flow, answers: Answers): ReviewSection[] {
  const index = indexFlow(flow);
  const scope = scopeFor(flow, answers);
  const sections: { title: string; rows: ReviewRow[] }[] = [];
  for (const id of pathOf(flow, answers, scope)) {
    const step = index.steps.get(id);
    if (step?.type !== "questions") continue;
    const title = step.section ?? step.title;
    const rows = step.fields
      .filter((field) => isShown(field.showIf, scope))
      .map((field) => ({ field, step: step.id, value: answers[field.id] }));
    const last = sections[sections.length - 1];
    if (last?.title === title) last.rows.push(...rows);
    else sections.push({ title, rows });
  }
  return sections;
}
