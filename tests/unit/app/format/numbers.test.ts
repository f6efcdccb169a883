import { describe, expect, it } from "vitest";
import { formatAmount, formatBytes, formatNumber } from "../../../../src/app/format/format";
import type { Language } from "../../../../src/app/i18n/languages";

const LOCALE: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };
const intl = (language: Language, digits: number, value: number) =>
  new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value);

/** Values people meet in the procedures (amounts, ceilings, shares, counts) and rounding edges. */
const VALUES = [
  0,
  -0,
  1,
  7,
  12,
  999,
  1000,
  1234,
  137280,
  192192,
  1_500_000,
  245000.5,
  2.5,
  0.125,
  -0.125,
  1.005,
  1.015,
  2.675,
  0.995,
  9.995,
  99.999,
  999.995,
  12345678.456,
  -1234.5,
  -0.001,
  0.1 + 0.2,
  1e15,
  123456789012345.67,
  0.000001,
  1e-7,
  1e21,
  1e22,
];

// A fixed sequence, so a failure is reproducible; values across the scales of a procedure.
function* spread(count: number): Generator<number> {
  let seed = 20261203;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const scale = 10 ** ((seed % 12) - 3);
    yield ((seed / 2 ** 31) * scale * (seed % 7 === 0 ? -1 : 1)) as number;
  }
}

describe("numbers as people read them", () => {
  it("writes French amounts with a narrow no-break space and the franc sign", () => {
    expect(formatAmount(137280, "fr")).toBe("137\u202f280\u00a0F");
    expect(formatAmount(245000.5, "fr")).toBe("245\u202f001\u00a0F");
    expect(formatAmount(1234, "en")).toBe("1,234\u00a0F");
  });

  it("writes decimals with a comma in French and a point in English", () => {
    expect(formatNumber(2.5, "fr")).toBe("2,5");
    expect(formatNumber(2.5, "en")).toBe("2.5");
    expect(formatNumber(1.005, "fr")).toBe("1,01");
    expect(formatBytes(1_234_567, "fr")).toBe("1,2\u00a0Mo");
  });

  for (const language of ["fr", "en"] as const)
    for (const digits of [0, 1, 2])
      it(`gives what Intl gives in ${language} with at most ${digits} decimals`, () => {
        for (const value of [...VALUES, ...spread(2000)]) {
          const ours =
            digits === 2
              ? formatNumber(value, language)
              : digits === 0
                ? formatAmount(value, language).replace(/\u00a0F$/, "")
                : formatBytes(value, language).replace(/\u00a0\S+$/, "");
          const expected =
            digits === 0
              ? intl(language, 0, Math.round(value))
              : digits === 1
                ? bytesExpected(value, language)
                : intl(language, 2, value);
          expect(ours, `${value}`).toBe(expected);
        }
      });
});

function bytesExpected(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    unit++;
  }
  return intl(language, unit === 0 ? 0 : 1, value);
}
