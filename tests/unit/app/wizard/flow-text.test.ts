/** A flow's texts read its parameters as people write them, in the page's language. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { flowText } from "../../../../src/app/wizard/flow-text";
import { parseFlow } from "../../../../src/shared/flow/schema";
import { loadFrenchTexts } from "../fields/french-texts";

const flow = parseFlow(JSON.parse(readFileSync("flows/aide-medicale.json", "utf8"))).flow;
if (!flow) throw new Error("aide-medicale does not parse");

beforeAll(loadFrenchTexts);

describe("a flow's texts", () => {
  it("write a parameter's value and the date it applies from, formatted in French", () => {
    const text = flowText(flow, "fr");
    expect(text("steps.residence.title")).toBe("Habitez-vous en province Sud depuis plus de 6 mois\u00a0?");
    expect(text("computed.smag.explain", { smag: "137 280" })).toContain(
      "en vigueur depuis le 1er juillet 2022",
    );
  });
});
