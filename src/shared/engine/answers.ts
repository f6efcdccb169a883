/** The answer set of one request: plain JSON, the same shape in drafts, the outbox and the API. */
export type Answers = Record<string, unknown>;

/** A place in the answers: a field id, then for a repeat item its index and the subfield id. */
export type AnswerPath = readonly [string] | readonly [string, number, string];

/**
 * Outcome pages the person chose to go past ("Faire la demande quand même"). Kept with the
 * answers because the server must know it too: without it, a path ending at an outcome is
 * not a complete request. The `$` keeps it apart from field ids, which are camelCase.
 */
export const APPLY_ANYWAY = "$applyAnyway";

export function appliedAnyway(answers: Answers): readonly string[] {
  const value = answers[APPLY_ANYWAY];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * The answer to a document question whose flow allows it (`later`): the person does not have the
 * document yet and will send it after the request. The request can be sent without it.
 */
export const DOCUMENT_LATER = "later";

export type Item = Record<string, unknown>;

export function itemsOf(answers: Answers, groupId: string): Item[] {
  const value = answers[groupId];
  return Array.isArray(value) ? (value as Item[]) : [];
}

/** Returns new answers with the value set (or removed when undefined); never mutates. */
export function setAnswer(answers: Answers, path: AnswerPath, value: unknown): Answers {
  const [fieldId] = path;
  if (path.length === 1) {
    const next = { ...answers };
    if (value === undefined) delete next[fieldId];
    else next[fieldId] = value;
    return next;
  }
  const [, index, subId] = path;
  const items = itemsOf(answers, fieldId);
  if (index < 0 || index >= items.length) return answers;
  return {
    ...answers,
    [fieldId]: items.map((item, i) => {
      if (i !== index) return item;
      const next = { ...item };
      if (value === undefined) delete next[subId];
      else next[subId] = value;
      return next;
    }),
  };
}

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}
