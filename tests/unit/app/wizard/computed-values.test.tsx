// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ComputedValues } from "../../../../src/app/wizard/parts/computed-values";
import { computeValues } from "../../../../src/shared/engine/computed";
import { type Flow, parseFlow } from "../../../../src/shared/flow/schema";
import { flowText, loadFrenchTexts } from "../fields/french-texts";

const ROOT = join(import.meta.dirname, "../../../..");
const flow = parseFlow(JSON.parse(readFileSync(join(ROOT, "flows/aide-medicale.json"), "utf8"))).flow as Flow;

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("a yes/no figure", () => {
  const shown = (applicantResources: number) => {
    const values = computeValues(flow, { hasMembers: false, applicantResources }).filter(
      (c) => c.id === "underCeiling",
    );
    render(<ComputedValues flow={flow} values={values} text={flowText("aide-medicale")} />);
    return screen.getByText("Sous le plafond (estimation)").parentElement?.textContent ?? "";
  };

  it("says its value in words, not only its name: above the ceiling reads 'Non'", () => {
    expect(shown(245000)).toContain("Non\u00a0: vos ressources dépassent le plafond estimé.");
  });

  it("says 'Oui' under the ceiling", () => {
    expect(shown(90000)).toContain("Oui\u00a0: vos ressources sont sous le plafond estimé.");
  });
});
