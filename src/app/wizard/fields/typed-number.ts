/**
 * What a person types in a box of whole numbers: "12 ans" in a box of years, "3 enfants" in a
 * box of children. The word is dropped only when it names what the box counts, so "6 mois" in a
 * box of years stays a text the engine refuses, rather than a wrong 6.
 */

import { parseAmount } from "../../format/format";
import type { LeafFieldOfType } from "./field-props";

type Unit = NonNullable<LeafFieldOfType<"integer">["unit"]>;

/** In both languages: a person may type French on the English pages, and the reverse. */
const UNIT_WORDS: Record<Unit, ReadonlySet<string>> = {
  years: new Set(["an", "ans", "année", "années", "annee", "annees", "year", "years", "yr", "yrs"]),
  children: new Set(["enfant", "enfants", "child", "children", "kid", "kids"]),
  persons: new Set(["personne", "personnes", "pers", "person", "persons", "people"]),
};

const NUMBER_THEN_WORD = /^\s*([\d\s\u00a0\u202f.]*\d)\s*([\p{L}]+)\.?\s*$/u;

export function readTypedNumber(text: string, unit: Unit | undefined): number | string {
  const match = unit ? NUMBER_THEN_WORD.exec(text) : null;
  if (match && UNIT_WORDS[unit as Unit].has((match[2] as string).toLowerCase()))
    return parseAmount(match[1] as string);
  return parseAmount(text);
}
