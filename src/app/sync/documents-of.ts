/**
 * The documents a request carries, found in its answers (top-level document fields and those in
 * repeat items), and the answers with each device id replaced by the server's upload id.
 */
import type { Answers } from "../../shared/engine/answers";
import { type DocumentRef, isDocumentRef } from "../../shared/engine/validate";

export interface RequestDocument {
  /** The document field, for the server's size and type rules. */
  readonly fieldId: string;
  readonly ref: DocumentRef;
}

export function documentsOf(answers: Answers): RequestDocument[] {
  const found: RequestDocument[] = [];
  const visit = (fieldId: string, value: unknown) => {
    if (!Array.isArray(value)) return;
    for (const entry of value) {
      if (isDocumentRef(entry)) found.push({ fieldId, ref: entry });
      else if (entry && typeof entry === "object")
        for (const [subId, subValue] of Object.entries(entry)) visit(subId, subValue);
    }
  };
  for (const [fieldId, value] of Object.entries(answers)) visit(fieldId, value);
  return found;
}

export function withUploadIds(answers: Answers, uploadIds: ReadonlyMap<string, string>): Answers {
  const swap = (value: unknown): unknown => {
    if (isDocumentRef(value)) return { ...value, id: uploadIds.get(value.id) ?? value.id };
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]));
    return value;
  };
  return swap(answers) as Answers;
}
