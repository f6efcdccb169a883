/**
 * Which of a flow's top-level fields a correction may name, the same on the device and on the
 * server: a question, or a list whose entries hold no document. Documents are asked for as
 * documents; an entry's files cannot travel in a correction's JSON, so a list with them is
 * corrected in words.
 */
import type { Field, GroupFieldDef, LeafFieldDef } from "./schema";

export type CorrectableFieldDef =
  | Exclude<LeafFieldDef, { type: "document" }>
  | (GroupFieldDef & { readonly fields: readonly Exclude<LeafFieldDef, { type: "document" }>[] });

export function isCorrectableField(field: Field): field is CorrectableFieldDef {
  if (field.type === "document") return false;
  return field.type !== "group" || field.fields.every((inner) => inner.type !== "document");
}
