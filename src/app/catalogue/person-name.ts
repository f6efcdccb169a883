/**
 * Whose a draft is, from the answers that name the person (the flow's `personName`: first name,
 * last name): what tells two drafts of one procedure apart on a shared PC.
 */
import type { Answers } from "../../shared/engine/answers";

export function personNameOf(fields: readonly string[], answers: Answers): string | undefined {
  const parts = fields
    .map((id) => answers[id])
    .filter((value): value is string => typeof value === "string" && value.trim() !== "")
    .map((value) => value.trim());
  return parts.length > 0 ? parts.join(" ") : undefined;
}
