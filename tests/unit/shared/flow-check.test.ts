import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFlow } from "../../../src/shared/flow/check";
import { miniLocales, miniRaw } from "./mini-flow";

const bad = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../fixtures/bad-flows", `${name}.json`), "utf8"));

describe("flows:check", () => {
  it("accepts a sound flow", () => {
    expect(checkFlow(miniRaw, miniLocales)).toEqual([]);
  });

  it.each([
    ["schema", "schema", "household.income.type"],
    ["duplicate", "duplicate", "separated"],
    ["structure", "structure", "household"],
    ["unknown-reference", "unknown-reference", "custody"],
    ["person-name", "unknown-reference", "personName"],
    ["unreachable", "unreachable", "orphan"],
    ["no-ending", "no-ending", "dead-end"],
    ["cycle", "cycle", "loop-a"],
    ["expression-syntax", "expression", "household.next.1"],
    ["expression-unknown-name", "expression", "household.next.1"],
    ["expression-unknown-parameter", "expression", "computed.quotient"],
    ["expression-item-outside-group", "expression", "custody.showIf"],
    ["translation", "translation", "household.livesInSud"],
  ])("rejects the %s fixture with the %s rule at %s", (fixture, rule, where) => {
    const problems = checkFlow(bad(fixture), miniLocales);
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => p.rule))).toEqual(new Set([rule]));
    expect(problems.map((p) => p.where)).toContain(where);
  });

  it("says in plain words what is wrong", () => {
    const [unknownName] = checkFlow(bad("expression-unknown-name"), miniLocales);
    expect(unknownName?.message).toBe('"incmoe" is not a field or an earlier computed value');
    const missing = checkFlow(bad("translation"), miniLocales).map((p) => p.message);
    expect(missing).toEqual([
      '"mini:household.livesInSudHint" is missing in locales/fr/mini.json',
      '"mini:household.livesInSudHint" is missing in locales/en/mini.json',
    ]);
  });

  it("finds a text that shows a parameter the flow does not have", () => {
    const fr = structuredClone(miniLocales.fr.mini) as { title?: string };
    fr.title = "Plafond : {{params.ceiling}} F, depuis le {{since.plafond}}";
    const problems = checkFlow(miniRaw, { ...miniLocales, fr: { ...miniLocales.fr, mini: fr } });
    expect(problems).toEqual([
      {
        rule: "translation",
        where: "flow",
        message: "{{since.plafond}} in locales/fr/mini.json is not a parameter of this flow",
      },
    ]);
  });

  it("reads a department's contact, refuses a number people cannot dial, and wants its hours in every language", () => {
    const detail = { source: "checked with the department", checkedOn: "2026-12-01" };
    const withContact = (phone: string) => ({
      ...miniRaw,
      contact: {
        phone: { value: phone, ...detail },
        address: { value: "6 route des Artifices, Nouméa", ...detail },
        hours: { value: "contact.hours", ...detail },
      },
    });
    expect(checkFlow(withContact("+687 20 30 40"), miniLocales).map((p) => p.message)).toEqual([
      '"mini:contact.hours" is missing in locales/fr/mini.json',
      '"mini:contact.hours" is missing in locales/en/mini.json',
    ]);
    const texts = { ...miniLocales.fr.mini, contact: { hours: "Du lundi au vendredi" } };
    const locales = { fr: { ...miniLocales.fr, mini: texts }, en: { ...miniLocales.en, mini: texts } };
    expect(checkFlow(withContact("+687 20 30 40"), locales)).toEqual([]);
    expect(checkFlow(withContact("203040"), locales)).toEqual([
      {
        rule: "schema",
        where: "contact.phone.value",
        message: 'a New Caledonia number written "+687 20 30 40"',
      },
    ]);
  });

  it("finds a text missing in one language only", () => {
    const en = structuredClone(miniLocales.en.mini) as { title?: string };
    delete en.title;
    const problems = checkFlow(miniRaw, { fr: miniLocales.fr, en: { ...miniLocales.en, mini: en } });
    expect(problems).toEqual([
      { rule: "translation", where: "flow", message: '"mini:title" is missing in locales/en/mini.json' },
    ]);
  });

  it("finds a glossary entry for a word the question does not use, and accepts one it uses", () => {
    const root = join(import.meta.dirname, "../../..");
    const read = (path: string): unknown => JSON.parse(readFileSync(join(root, path), "utf8"));
    const locales = Object.fromEntries(
      ["fr", "en"].map((lng) => [
        lng,
        {
          "bourse-scolaire": read(`locales/${lng}/bourse-scolaire.json`),
          glossary: read(`locales/${lng}/glossary.json`),
        },
      ]),
    );
    const flow = read("flows/bourse-scolaire.json") as {
      steps: { fields?: { id: string; glossary?: string[] }[] }[];
    };
    const glossaryOf = (id: string) => {
      const field = flow.steps.flatMap((s) => s.fields ?? []).find((f) => f.id === id);
      if (!field) throw new Error(`no field ${id}`);
      return field;
    };
    expect(checkFlow(flow, locales)).toEqual([]);
    // The resources question never says "avis d'imposition"; its document question does.
    glossaryOf("monthlyResources").glossary = ["quotientFamilial", "avisImposition"];
    expect(checkFlow(flow, locales).map((p) => [p.where, p.message])).toEqual([
      [
        "resources.monthlyResources",
        'the glossary entry "avisImposition" ("Avis d\'imposition ou de non-imposition") explains a word this question does not use',
      ],
    ]);
  });
});
