/**
 * Every text shown to people lives in locales/<language>/<namespace>.json, French first.
 * English must be complete, and the two must ask for the same values, or a page shows a raw
 * key or a hole. (Keys used in code are typed from the French files; flow keys are checked by
 * flows:check.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Texts = { [key: string]: string | Texts };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const dir = join(import.meta.dirname, "../../../locales");
const namespaces = readdirSync(join(dir, "fr")).map((file) => file.replace(/\.json$/, ""));

function read(language: string, namespace: string): Texts {
  return JSON.parse(readFileSync(join(dir, language, `${namespace}.json`), "utf8")) as Texts;
}

function entries(texts: Texts, prefix = ""): [string, string][] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : entries(value, `${prefix}${key}.`),
  );
}

const base = (key: string) => key.replace(PLURAL_SUFFIX, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe.each(namespaces)("locales/*/%s.json", (namespace) => {
  const fr = entries(read("fr", namespace));
  const en = entries(read("en", namespace));

  it("has the same texts in English as in French", () => {
    const keys = (list: [string, string][]) => [...new Set(list.map(([key]) => base(key)))].sort();
    expect(keys(en)).toEqual(keys(fr));
  });

  it("asks for the same values in both languages", () => {
    const byKey = (list: [string, string][]) =>
      new Map(list.map(([key, text]) => [base(key), placeholders(text)]));
    const french = byKey(fr);
    for (const [key, names] of byKey(en)) expect(names, key).toEqual(french.get(key));
  });

  it("gives every French plural its one, many and other forms", () => {
    // Intl.PluralRules("fr") says "many" for 1 000 000; without that key i18next shows the raw key.
    const plurals = new Set(fr.filter(([key]) => PLURAL_SUFFIX.test(key)).map(([key]) => base(key)));
    const keys = fr.map(([key]) => key);
    for (const plural of plurals)
      expect(keys, plural).toEqual(
        expect.arrayContaining([`${plural}_one`, `${plural}_many`, `${plural}_other`]),
      );
  });

  it("words every text with a count in its plural forms (fr: one, many, other; en: one, other)", () => {
    for (const [language, list, forms] of [
      ["fr", fr, ["one", "many", "other"]],
      ["en", en, ["one", "other"]],
    ] as const) {
      const keys = new Set(list.map(([key]) => key));
      for (const [key, text] of list) {
        if (!placeholders(text).includes("count")) continue;
        expect(PLURAL_SUFFIX.test(key), `${language} ${key} has {{count}} but no plural forms`).toBe(true);
        for (const form of forms)
          expect(keys.has(`${base(key)}_${form}`), `${language} ${base(key)}_${form}`).toBe(true);
      }
    }
  });

  it("puts no number before a word that would need a plural, except through {{count}}", () => {
    // "Vous pouvez ajouter {{max}} fichiers" reads "1 fichiers". A flow parameter ({{params.x}})
    // is fixed by the author who writes the sentence for its value.
    const countable =
      /\{\{\s*(?!count\b|params\.)[\w.]+\s*\}\}\s+(fichiers?|caractères?|éléments?|enfants?|personnes?|ans?|années?|jours?|pages?|files?|characters?|items?|children|child|persons?|people|years?|days?)\b/iu;
    const offending = [...fr, ...en].filter(([, text]) => countable.test(text)).map(([key]) => key);
    expect(offending).toEqual([]);
  });

  it("has no empty text, and French punctuation keeps its word (no-break space before ? : ! ;)", () => {
    expect([...fr, ...en].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    expect(fr.filter(([, text]) => / [?:!;]/.test(text)).map(([key]) => key)).toEqual([]);
  });
});
