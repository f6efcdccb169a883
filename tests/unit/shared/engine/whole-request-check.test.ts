/**
 * The server checks a whole request with validateAnswers, which works out the computed values
 * once for all steps and skips some work the wizard's page checks repeat. It must say exactly
 * what checking each page would say: these tests compare the two on the real flows' example
 * answer sets, and pin the corners of the calendar and of Nouméa's day.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Answers, APPLY_ANYWAY } from "../../../../src/shared/engine/answers";
import { computeValues, scopeFor } from "../../../../src/shared/engine/computed";
import type { Example } from "../../../../src/shared/engine/examples";
import { pathOf } from "../../../../src/shared/engine/path";
import { todayInNoumea, validateAnswers, validateStep } from "../../../../src/shared/engine/validate";
import { indexFlow } from "../../../../src/shared/flow/flow-index";
import { type Flow, parseFlow, type Step } from "../../../../src/shared/flow/schema";
import { miniRaw } from "../mini-flow";

const root = join(import.meta.dirname, "../../../..");
const TODAY = "2026-11-30";
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

const examples = readdirSync(join(root, "flows"))
  .filter((file) => file.endsWith(".json"))
  .flatMap((file) => {
    const flow = parseFlow(readJson(join(root, "flows", file))).flow as Flow;
    const dir = join(root, "flows", "examples", flow.id);
    return readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .map((name) => ({
        name: `${flow.id}/${name}`,
        flow,
        answers: (readJson(join(dir, name)) as Example).answers,
      }));
  });

/** Some answers changed, so that checks fail in many places: missing, wrong types, extra keys. */
function spoilt(answers: Answers): Answers {
  const entries = Object.entries(answers);
  return Object.fromEntries([
    ...entries.filter((_, i) => i % 3 !== 0),
    ...entries.filter((_, i) => i % 3 === 1).map(([key]) => [key, "?"]),
    ["notAField", 1],
  ]);
}

/** validateAnswers written the long way: each page's own check, in path order. */
function pageByPage(flow: Flow, answers: Answers): { path: string; code: string }[] {
  const index = indexFlow(flow);
  return pathOf(flow, answers).flatMap((id) =>
    validateStep(flow, index.steps.get(id) as Step, answers, { today: TODAY }).map(({ path, code }) => ({
      path,
      code,
    })),
  );
}

describe("checking a whole request", () => {
  it.each(examples)("$name: sees the same computed values as the explanations", ({ flow, answers }) => {
    for (const given of [answers, spoilt(answers)]) {
      const { values } = scopeFor(flow, given);
      for (const computed of computeValues(flow, given)) expect(values[computed.id]).toEqual(computed.value);
    }
  });

  it.each(examples)("$name: finds every error the pages find, and no other", ({ flow, answers }) => {
    for (const given of [answers, spoilt(answers)]) {
      const whole = validateAnswers(flow, given, { today: TODAY })
        .filter((error) => error.code !== "unexpected" && error.code !== "incomplete")
        .map(({ path, code }) => ({ path, code }));
      expect(whole).toEqual(pageByPage(flow, given));
    }
  });

  it("treats an answer named __proto__ as any unexpected answer", () => {
    const { flow, answers } = examples[0] as (typeof examples)[number];
    const given = JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(answers).slice(1)}`) as Answers;
    expect(Object.hasOwn(scopeFor(flow, given).values, "__proto__")).toBe(true);
    expect(validateAnswers(flow, given, { today: TODAY }).filter((e) => e.path === "__proto__")).toEqual([
      expect.objectContaining({ code: "unexpected" }),
    ]);
    expect(Object.keys(given)).not.toContain(APPLY_ANYWAY);
  });
});

describe("dates", () => {
  const raw = structuredClone(miniRaw) as { steps: { id: string; fields?: unknown[] }[] };
  const household = raw.steps.find((s) => s.id === "household");
  if (!household) throw new Error("fixture changed");
  household.fields = [{ id: "day", type: "date", label: "x" }];
  const flow = parseFlow(raw).flow as Flow;
  const step = flow.steps.find((s) => s.id === "household") as Step;
  const refused = (day: string) => validateStep(flow, step, { day }, { today: TODAY }).length > 0;
  /** What JavaScript's calendar calls a day: it reads back as the same text. */
  const isCalendarDay = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  };

  it("accepts exactly the days of the calendar, leap years included", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    for (const year of [0, 4, 100, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          expect(refused(text), text).toBe(!isCalendarDay(text));
        }
  });

  it("knows today in Nouméa (UTC+11), across its midnight and back", () => {
    const midnight = Date.parse("2026-03-11T13:00:00Z");
    expect(todayInNoumea(midnight - 1)).toBe("2026-03-11");
    expect(todayInNoumea(midnight)).toBe("2026-03-12");
    expect(todayInNoumea(midnight - 1)).toBe("2026-03-11");
    expect(todayInNoumea(Date.parse("2026-12-31T12:59:59Z"))).toBe("2026-12-31");
    expect(todayInNoumea(Date.parse("2026-12-31T13:00:00Z"))).toBe("2027-01-01");
  });
});
