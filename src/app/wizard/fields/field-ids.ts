/**
 * DOM ids of a question's parts. Pages give each field its id as DOM id and each group item's
 * subfield `${groupId}-${index}-${subId}`, so an error's answer path leads to its control.
 */
import type { FieldError } from "../../../shared/engine/validate";
import type { Field } from "../../../shared/flow/schema";

export const hintId = (id: string) => `${id}-hint`;
export const exampleId = (id: string) => `${id}-example`;
export const errorId = (id: string) => `${id}-error`;
export const headingId = (id: string) => `${id}-heading`;

export function itemControlId(groupId: string, index: number, subId: string): string {
  return `${groupId}-${index}-${subId}`;
}

/** "children.1.level" → "children-1-level": the control the error summary links to. */
export function controlIdOf(path: string): string {
  return path.split(".").join("-");
}

/** An aria-describedby value from the ids that apply, or nothing when none does. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}

/** The hint, example and error of a question, in reading order. */
export function questionDescription(
  field: Field,
  id: string,
  error: FieldError | undefined,
): string | undefined {
  return describedBy(
    field.hint !== undefined && hintId(id),
    field.example !== undefined && exampleId(id),
    error !== undefined && errorId(id),
  );
}
