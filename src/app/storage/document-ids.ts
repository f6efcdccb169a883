import { isDocumentRef } from "../../shared/engine/validate";

/** Ids of the documents a set of answers points to, at any depth (repeat items included). */
export function documentIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (isDocumentRef(v) ? [v.id] : documentIds(v)));
  if (value && typeof value === "object") return Object.values(value).flatMap(documentIds);
  return [];
}
