/** Which questions a page shows, given the answers: views ask here instead of reading conditions. */
import { evaluate, type Scope } from "../expression/expression";
import type { Field, Flow, GroupFieldDef, LeafFieldDef, QuestionStepDef } from "../flow/schema";
import type { Answers, Item } from "./answers";
import { scopeFor } from "./computed";
import { isShown } from "./validate";

export function visibleFields(flow: Flow, step: QuestionStepDef, answers: Answers): Field[] {
  const scope = scopeFor(flow, answers);
  return step.fields.filter((field) => isShown(field.showIf, scope));
}

export function visibleSubfields(
  flow: Flow,
  group: GroupFieldDef,
  item: Item,
  answers: Answers,
): LeafFieldDef[] {
  const scope: Scope = { ...scopeFor(flow, answers), item };
  return group.fields.filter((field) => isShown(field.showIf, scope));
}

/** What names a repeat item in headings and the review ("Léa"), when the flow says how. */
export function itemTitle(
  flow: Flow,
  group: GroupFieldDef,
  item: Item,
  answers: Answers,
): string | undefined {
  if (!group.itemTitle) return undefined;
  const value = evaluate(group.itemTitle, { ...scopeFor(flow, answers), item });
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
