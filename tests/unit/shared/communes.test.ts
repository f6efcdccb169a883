import { describe, expect, it } from "vitest";
import { COMMUNES, communeNamed, isCommuneId, searchCommunes } from "../../../src/shared/communes";

describe("communes of New Caledonia", () => {
  it("lists the 33 communes: 13 in the South, 17 in the North, 3 in the Islands", () => {
    expect(COMMUNES).toHaveLength(33);
    const count = (p: string) => COMMUNES.filter((c) => c.province === p).length;
    expect([count("sud"), count("nord"), count("iles")]).toEqual([13, 17, 3]);
    expect(new Set(COMMUNES.map((c) => c.id)).size).toBe(33);
  });

  it("finds a commune typed without accents, hyphens or apostrophes", () => {
    expect(searchCommunes("ile des pins").map((c) => c.name)).toEqual(["L'Île-des-Pins"]);
    expect(searchCommunes("PAITA").map((c) => c.name)).toEqual(["Païta"]);
    expect(searchCommunes("mont dore").map((c) => c.name)).toEqual(["Le Mont-Dore"]);
    expect(searchCommunes("zzz")).toEqual([]);
  });

  it("puts first the communes where what was typed starts a word, the article not counting", () => {
    expect(searchCommunes("mont")[0]?.name).toBe("Le Mont-Dore");
    expect(
      searchCommunes("ou")
        .slice(0, 2)
        .map((c) => c.name),
    ).toEqual(["Ouégoa", "Ouvéa"]);
  });

  it("knows a commune typed in full, with or without its article or accents", () => {
    expect(communeNamed("mont dore")?.id).toBe("le-mont-dore");
    expect(communeNamed("Le Mont-Dore")?.id).toBe("le-mont-dore");
    expect(communeNamed("kone")?.id).toBe("kone");
    expect(communeNamed("mont")).toBeUndefined();
    expect(communeNamed("  ")).toBeUndefined();
  });

  it("recognises commune ids and nothing else", () => {
    expect(isCommuneId("noumea")).toBe(true);
    expect(isCommuneId("Nouméa")).toBe(false);
    expect(isCommuneId("toString")).toBe(false);
  });
});
