import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readFlowCatalogue } from "../../../src/tools/flow-catalogue";
import { localeText } from "../../support/flow-texts";

const FLOWS = join(import.meta.dirname, "../../../flows");
const LOCALES = join(import.meta.dirname, "../../../locales");

describe("readFlowCatalogue on flows/", () => {
  const catalogue = readFlowCatalogue(FLOWS, LOCALES);

  it("lists each flow with namespaced keys and no steps", () => {
    expect(catalogue.procedures.length).toBeGreaterThan(0);
    for (const procedure of catalogue.procedures) {
      expect(Object.keys(procedure).sort()).toEqual(
        [
          "audience",
          "department",
          "estimatedMinutes",
          "id",
          "parameters",
          "personName",
          "summary",
          "title",
        ].sort(),
      );
      expect(procedure.title).toBe(`procedures:${procedure.id}.title`);
    }
  });

  it("carries every catalogue text in French and English, as the flow's own texts say it", () => {
    for (const language of ["fr", "en"]) {
      for (const procedure of catalogue.procedures) {
        for (const field of ["title", "summary", "audience", "department"] as const) {
          const flow = JSON.parse(readFileSync(join(FLOWS, `${procedure.id}.json`), "utf8")) as Record<
            string,
            string
          >;
          expect(catalogue.texts[language]?.[procedure.id]?.[field], `${language} ${field}`).toBe(
            localeText(language, flow[field] ?? "", procedure.id),
          );
        }
      }
    }
  });
});

describe("readFlowCatalogue on a broken flow", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the build with the file and the problem", () => {
    dir = mkdtempSync(join(tmpdir(), "pas-a-pas-flows-"));
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ id: "broken", title: "title" }));
    expect(() => readFlowCatalogue(dir, LOCALES)).toThrow(/broken\.json is not a valid flow/);
  });
});
