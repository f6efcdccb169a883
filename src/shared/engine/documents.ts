/** The documents a request needs, from the answers: the checklist on the start page and the review. */
import { holds } from "../expression/expression";
import type { Flow } from "../flow/schema";
import { type Answers, DOCUMENT_LATER, isEmpty } from "./answers";
import { scopeFor } from "./computed";

export interface ChecklistEntry {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** The document field that collects it, if the flow collects it. */
  readonly field?: string;
  readonly provided: boolean;
  /** The person will send it after the request ("je l'enverrai plus tard"). */
  readonly later: boolean;
}

export function documentsChecklist(flow: Flow, answers: Answers): ChecklistEntry[] {
  const scope = scopeFor(flow, answers);
  return flow.documents
    .filter((doc) => doc.when === undefined || holds(doc.when, scope))
    .map((doc) => ({
      id: doc.id,
      label: doc.label,
      ...(doc.hint ? { hint: doc.hint } : {}),
      ...(doc.field ? { field: doc.field } : {}),
      provided: doc.field !== undefined && Array.isArray(answers[doc.field]) && !isEmpty(answers[doc.field]),
      later: doc.field !== undefined && answers[doc.field] === DOCUMENT_LATER,
    }));
}
