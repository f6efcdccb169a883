import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Texts = { [key: string]: string | Texts };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function read(language: string): Texts {
  const file = join(import.meta.dirname, "../../../locales", language, "common.json");
  return JSON.parse(readFileSync(file, "utf8")) as Texts;
}

function keys(texts: Texts, prefix = ""): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe("locales/*/common.json", () => {
  const fr = keys(read("fr"));
  const en = keys(read("en"));

  it("has the same texts in English as in French", () => {
    const base = (list: string[]) => [...new Set(list.map((key) => key.replace(PLURAL_SUFFIX, "")))].sort();
    expect(base(en)).toEqual(base(fr));
  });

  it("gives every French plural its one, many and other forms", () => {
    // Intl.PluralRules("fr") says "many" for 1 000 000; without that key i18next shows the raw key.
    const plurals = new Set(
      fr.filter((key) => PLURAL_SUFFIX.test(key)).map((k) => k.replace(PLURAL_SUFFIX, "")),
    );
    for (const plural of plurals) {
      expect(fr, plural).toEqual(
        expect.arrayContaining([`${plural}_one`, `${plural}_many`, `${plural}_other`]),
      );
    }
  });

  it("has no empty text", () => {
    const empty = (texts: Texts): boolean =>
      Object.values(texts).some((value) => (typeof value === "string" ? value.trim() === "" : empty(value)));
    expect(empty(read("fr"))).toBe(false);
    expect(empty(read("en"))).toBe(false);
  });
});
