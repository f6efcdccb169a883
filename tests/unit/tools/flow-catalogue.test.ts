import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readFlowCatalogue } from "../../../src/tools/flow-catalogue";
import { localeText } from "../../support/flow-texts";

const FLOWS = join(import.meta.dirname, "../../../flows");

describe("readFlowCatalogue on flows/", () => {
  const catalogue = readFlowCatalogue(FLOWS);

  it("lists each flow with namespaced keys and no steps", () => {
    expect(catalogue.procedures.length).toBeGreaterThan(0);
    for (const procedure of catalogue.procedures) {
      expect(Object.keys(procedure).sort()).toEqual(
        ["audience", "department", "estimatedMinutes", "id", "parameters", "summary", "title"].sort(),
      );
      expect(procedure.title).toMatch(/^[\w-]+:/);
    }
  });

  it("finds every catalogue text in French and English", () => {
    for (const language of ["fr", "en"]) {
      for (const procedure of catalogue.procedures) {
        for (const key of [procedure.title, procedure.summary, procedure.audience, procedure.department]) {
          expect(localeText(language, key, procedure.id), `${language} ${key}`).not.toBe("");
        }
      }
    }
  });

  it("names the namespaces the page must load first", () => {
    const used = catalogue.procedures.map((p) => p.title.split(":")[0]);
    expect(catalogue.namespaces).toEqual(expect.arrayContaining(used));
  });
});

describe("readFlowCatalogue on a broken flow", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the build with the file and the problem", () => {
    dir = mkdtempSync(join(tmpdir(), "pas-a-pas-flows-"));
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ id: "broken", title: "title" }));
    expect(() => readFlowCatalogue(dir)).toThrow(/broken\.json is not a valid flow/);
  });
});
