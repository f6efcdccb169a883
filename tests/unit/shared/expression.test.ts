import { describe, expect, it } from "vitest";
import {
  ExpressionError,
  evaluate,
  holds,
  parseExpression,
  referencesOf,
} from "../../../src/shared/expression/expression";

const scope = (
  values: Record<string, unknown>,
  params: Record<string, unknown> = {},
  item?: Record<string, unknown>,
) => ({
  values,
  params,
  ...(item ? { item } : {}),
});

describe("flow expressions", () => {
  it("computes the family quotient and compares it with a parameter", () => {
    const s = scope({ income: 150000, shares: 2.5 }, { ceiling: 72000 });
    expect(evaluate("income / shares", s)).toBe(60000);
    expect(holds("income / shares <= params.ceiling", s)).toBe(true);
    expect(holds("income / shares > params.ceiling", s)).toBe(false);
  });

  it("computes the medical-aid ceiling from the SMAG", () => {
    const s = scope({ persons: 3 }, { smag: 137280 });
    expect(evaluate("round(params.smag * (1 + 0.2 * (persons - 1)))", s)).toBe(192192);
  });

  it("treats an unanswered question as unknown, so no branch opens on it", () => {
    const empty = scope({});
    expect(holds("!livesInSud", empty)).toBe(false);
    expect(holds("livesInSud == false", empty)).toBe(false);
    expect(holds("income > 5", empty)).toBe(false);
    expect(holds("!(income > 5)", empty)).toBe(false);
    expect(evaluate("income * 2", empty)).toBeUndefined();
    expect(holds("answered(income)", empty)).toBe(false);
    expect(holds("answered(income)", scope({ income: 0 }))).toBe(true);
  });

  it("follows three-valued logic for and / or", () => {
    const s = scope({ yes: true, no: false });
    expect(holds("no && missing", s)).toBe(false);
    expect(evaluate("yes && missing", s)).toBeUndefined();
    expect(holds("yes || missing", s)).toBe(true);
    expect(evaluate("no || missing", s)).toBeUndefined();
    expect(holds("!no && yes", s)).toBe(true);
  });

  it("reads repeat items and lists with its functions", () => {
    const children = [{ regime: "board", income: 10 }, { regime: "day" }];
    const s = scope({ children, tags: ["a", "b"] }, {}, { regime: "board" });
    expect(evaluate("count(children)", s)).toBe(2);
    expect(evaluate('sum(children, "income")', s)).toBe(10);
    expect(holds('any(children, "regime", "day")', s)).toBe(true);
    expect(holds('includes(tags, "b")', s)).toBe(true);
    expect(holds('item.regime == "board"', s)).toBe(true);
    expect(evaluate("separated ? 1 : 2", scope({ separated: true }))).toBe(1);
    expect(evaluate("max(1, 3, 2) + min(4, 5) + floor(1.7) + ceil(1.2)", s)).toBe(10);
  });

  it("tells the province of a commune answer", () => {
    expect(evaluate("provinceOf(commune)", scope({ commune: "paita" }))).toBe("sud");
    expect(evaluate("provinceOf(commune)", scope({ commune: "poya" }))).toBe("nord");
    expect(evaluate("provinceOf(commune)", scope({ commune: "lifou" }))).toBe("iles");
    expect(holds('provinceOf(commune) == "sud"', scope({}))).toBe(false);
  });

  it("never divides by zero", () => {
    expect(evaluate("income / shares", scope({ income: 10, shares: 0 }))).toBeUndefined();
  });

  it("lists what an expression reads, for flows:check", () => {
    expect(
      referencesOf('count(children) > 2 && income / shares <= params.ceiling || item.regime == "x"'),
    ).toEqual({
      values: ["children", "income", "shares"],
      params: ["ceiling"],
      item: ["regime"],
      functions: ["count"],
    });
  });

  it.each([
    ["income >", "Expected expression"],
    ["constructor.prototype", "only params.name and item.name"],
    ["alert(1)", "unknown function"],
    ['params["x"]', "only params.name"],
    ["income = 3", "Unexpected"],
    ["[1, 2]", "not allowed"],
    ["this", "not allowed"],
    ["income & 3", "operator & is not allowed"],
    ["params", "must be followed by a name"],
  ])("refuses %s", (source, message) => {
    expect(() => parseExpression(source)).toThrow(ExpressionError);
    expect(() => parseExpression(source)).toThrow(message);
  });

  it("cannot reach prototypes through names", () => {
    expect(evaluate("constructor", scope({}))).toBeUndefined();
    expect(evaluate("params.constructor", scope({}))).toBeUndefined();
    expect(evaluate("toString", scope({}))).toBeUndefined();
  });
});
