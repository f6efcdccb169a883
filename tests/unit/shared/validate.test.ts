import { describe, expect, it } from "vitest";
import { APPLY_ANYWAY } from "../../../src/shared/engine/answers";
import { computeValues } from "../../../src/shared/engine/computed";
import { documentsChecklist } from "../../../src/shared/engine/documents";
import { reviewSections } from "../../../src/shared/engine/review";
import {
  dateLimit,
  normalisePhone,
  validateAnswer,
  validateAnswers,
  validateStep,
} from "../../../src/shared/engine/validate";
import { itemTitle, visibleFields, visibleSubfields } from "../../../src/shared/engine/visibility";
import { type Flow, parseFlow, type Step } from "../../../src/shared/flow/schema";
import { miniFlow, miniRaw } from "./mini-flow";

const TODAY = "2026-11-30";

/** One step holding every kind of field, to check each type's rules. */
function allTypesFlow(born: { min: string; max: string } = { min: "2000-01-01", max: "today" }): Flow {
  const raw = structuredClone(miniRaw) as { steps: { id: string; fields?: unknown[] }[] };
  const household = raw.steps.find((s) => s.id === "household");
  if (!household) throw new Error("fixture changed");
  household.fields = [
    { id: "name", type: "text", label: "x", minLength: 2, maxLength: 5, pattern: "[A-Za-zé ]+" },
    { id: "story", type: "longText", label: "x", required: false, maxLength: 10 },
    { id: "persons", type: "integer", label: "x", min: 1, max: 20 },
    { id: "income", type: "amount", label: "x", errors: { required: "mini:errors.income" } },
    { id: "born", type: "date", label: "x", ...born },
    { id: "livesInSud", type: "yesNo", label: "x" },
    { id: "separated", type: "yesNo", label: "x", required: false },
    {
      id: "cover",
      type: "choice",
      label: "x",
      options: [
        { value: "none", label: "x" },
        { value: "cafat", label: "x" },
      ],
    },
    {
      id: "needs",
      type: "choices",
      label: "x",
      min: 1,
      max: 2,
      options: [
        { value: "a", label: "x" },
        { value: "b", label: "x" },
        { value: "c", label: "x" },
      ],
    },
    { id: "phone", type: "phone", label: "x" },
    { id: "mail", type: "email", label: "x" },
    { id: "commune", type: "commune", label: "x" },
    {
      id: "idCard",
      type: "document",
      label: "x",
      accept: ["image/jpeg", "application/pdf"],
      maxBytes: 1000,
      maxFiles: 2,
    },
  ];
  const { flow, issues } = parseFlow(raw);
  if (!flow) throw new Error(JSON.stringify(issues));
  return flow;
}

const flow = allTypesFlow();
const step = flow.steps.find((s) => s.id === "household") as Step;
const valid = {
  name: "Léa",
  persons: 3,
  income: 0,
  born: "2015-03-12",
  livesInSud: false,
  cover: "cafat",
  needs: ["a", "c"],
  phone: "27 12 34",
  mail: "lea@exemple.nc",
  commune: "l-ile-des-pins",
  idCard: [{ id: "1", name: "id.jpg", type: "image/jpeg", size: 900 }],
};
const codesFor = (answers: Record<string, unknown>) =>
  Object.fromEntries(validateStep(flow, step, answers, { today: TODAY }).map((e) => [e.path, e.code]));

describe("answer validation", () => {
  it("accepts a valid answer of every type", () => {
    expect(codesFor(valid)).toEqual({});
  });

  it("asks for every required answer, with the field's own message where it has one", () => {
    const errors = validateStep(flow, step, { name: "  " }, { today: TODAY });
    expect(errors.map((e) => e.path)).toEqual([
      "name",
      "persons",
      "income",
      "born",
      "livesInSud",
      "cover",
      "needs",
      "phone",
      "mail",
      "commune",
      "idCard",
    ]);
    expect(errors.find((e) => e.path === "income")?.key).toBe("mini:errors.income");
    expect(errors.find((e) => e.path === "name")?.key).toBe("errors:required");
  });

  it.each([
    ["name", "L", "minLength"],
    ["name", "Léonie", "maxLength"],
    ["name", "L3a", "pattern"],
    ["name", 42, "type"],
    ["story", "once upon a time", "maxLength"],
    ["persons", 0, "min"],
    ["persons", 21, "max"],
    ["persons", 2.5, "type"],
    ["persons", "3", "type"],
    ["income", -1, "min"],
    ["income", 1.5, "type"],
    ["born", "2015-02-30", "date"],
    ["born", "12/03/2015", "date"],
    ["born", "1999-12-31", "dateMin"],
    ["born", "2026-12-01", "dateFuture"],
    ["livesInSud", "oui", "type"],
    ["cover", "mutual", "option"],
    ["needs", ["a", "a"], "type"],
    ["needs", ["d"], "option"],
    ["needs", ["a", "b", "c"], "maxItems"],
    ["phone", "2712345", "phone"],
    ["phone", "+33 6 12 34 56 78", "phone"],
    ["mail", "lea@exemple", "email"],
    ["mail", "lea exemple.nc", "email"],
    ["commune", "Nouméa", "commune"],
    ["commune", "paris", "commune"],
    ["idCard", [{ id: "1", name: "id.png", type: "image/png", size: 10 }], "fileType"],
    ["idCard", [{ id: "1", name: "id.jpg", type: "image/jpeg", size: 1001 }], "fileSize"],
    [
      "idCard",
      [1, 2, 3].map((n) => ({ id: `${n}`, name: "p.jpg", type: "image/jpeg", size: 1 })),
      "maxFiles",
    ],
    ["idCard", ["id.jpg"], "type"],
  ])("refuses %s = %j with %s", (field, value, code) => {
    expect(codesFor({ ...valid, [field]: value })).toEqual({ [field]: code });
  });

  it("reads New Caledonia phone numbers in the forms people write them", () => {
    expect(normalisePhone("27 12 34")).toBe("271234");
    expect(normalisePhone("+687 27.12.34")).toBe("271234");
    expect(normalisePhone("271234")).toBe("271234");
    expect(normalisePhone("+687 27 12 345")).toBeUndefined();
    expect(normalisePhone("0027 12 34")).toBeUndefined();
  });
});

describe("one answer alone, as a correction after sending is checked on the device", () => {
  const fieldOf = (id: string) => {
    const field = (step.type === "questions" ? step.fields : []).find((f) => f.id === id);
    if (!field || field.type === "group") throw new Error("fixture changed");
    return field;
  };

  it("checks an answer as its page does, with the field's own message", () => {
    expect(validateAnswer(fieldOf("persons"), 3, { today: TODAY })).toEqual([]);
    expect(validateAnswer(fieldOf("persons"), 30, { today: TODAY }).map((e) => e.code)).toEqual(["max"]);
    expect(validateAnswer(fieldOf("persons"), "trois", { today: TODAY }).map((e) => e.code)).toEqual([
      "type",
    ]);
    expect(validateAnswer(fieldOf("income"), undefined, { today: TODAY })).toEqual([
      { path: "income", code: "required", key: "mini:errors.income", params: {} },
    ]);
    expect(validateAnswer(fieldOf("born"), "2030-01-01", { today: TODAY }).map((e) => e.code)).toEqual([
      "dateFuture",
    ]);
  });

  it("lets an optional answer be cleared", () => {
    expect(validateAnswer(fieldOf("separated"), undefined, { today: TODAY })).toEqual([]);
    expect(validateAnswer(fieldOf("story"), "", { today: TODAY })).toEqual([]);
  });
  it("checks a list's entries as their page does, conditions on the entry included", () => {
    const flow = miniFlow();
    const children = flow.steps
      .flatMap((s) => (s.type === "questions" ? s.fields : []))
      .find((f) => f.id === "children");
    if (children?.type !== "group") throw new Error("fixture changed");
    const check = (value: unknown) =>
      validateAnswer(children, value, { today: TODAY }).map((e) => [e.path, e.code]);
    expect(check([{ firstName: "Léa", regime: "day" }])).toEqual([]);
    expect(check([{ firstName: "Léa", regime: "board" }])).toEqual([["children.0.hostel", "required"]]);
    expect(check([{ firstName: "Léa", regime: "day" }, { regime: "bus" }])).toEqual([
      ["children.1.firstName", "required"],
      ["children.1.regime", "option"],
    ]);
    expect(check([])).toEqual([["children", "minItems"]]);
  });
});

describe("date limits counted from today", () => {
  it.each([
    ["today", "2026-11-30", "2026-11-30"],
    ["today-21y", "2026-11-30", "2005-11-30"],
    ["today-2y", "2026-11-30", "2024-11-30"],
    // 29 February 21 years back is not a day: the 28th is.
    ["today-21y", "2028-02-29", "2007-02-28"],
    ["2000-01-01", "2026-11-30", "2000-01-01"],
  ])("reads %s on %s as %s", (limit, today, expected) => {
    expect(dateLimit(limit, today)).toBe(expected);
  });

  it("refuses a pupil too old or too young, and a future date with its own code", () => {
    const pupils = allTypesFlow({ min: "today-21y", max: "today-2y" });
    const pupilStep = pupils.steps.find((s) => s.id === "household") as Step;
    const code = (born: string) =>
      validateStep(pupils, pupilStep, { ...valid, born }, { today: TODAY }).find((e) => e.path === "born")
        ?.code;
    expect(code("2005-11-29")).toBe("dateMin");
    expect(code("2005-11-30")).toBeUndefined();
    expect(code("2024-11-30")).toBeUndefined();
    expect(code("2025-06-01")).toBe("dateMax");
    expect(code("2027-01-01")).toBe("dateFuture");
  });
});

describe("a whole answer set, as the server checks it", () => {
  const mini = miniFlow();
  const complete = {
    livesInSud: true,
    income: 90000,
    separated: false,
    children: [{ firstName: "Léa", regime: "day" }],
  };

  it("accepts a complete request", () => {
    expect(validateAnswers(mini, complete, { today: TODAY })).toEqual([]);
  });

  it("refuses answers to questions off the path taken, and unknown answers", () => {
    const codes = validateAnswers(
      mini,
      { ...complete, custodyDecision: [], shoeSize: 42 },
      { today: TODAY },
    ).map((e) => [e.path, e.code]);
    expect(codes).toEqual([
      ["custodyDecision", "unexpected"],
      ["shoeSize", "unexpected"],
    ]);
  });

  it("refuses unknown subfields and bad items in a repeat group", () => {
    const answers = { ...complete, children: [{ firstName: "Léa", regime: "day", age: 4 }, "Tom"] };
    expect(validateAnswers(mini, answers, { today: TODAY }).map((e) => [e.path, e.code])).toEqual([
      ["children.0.age", "unexpected"],
      ["children.1", "type"],
    ]);
  });

  it("refuses a request that stops at an outcome unless the person chose to apply anyway", () => {
    const over = { ...complete, income: 500000 };
    expect(validateAnswers(mini, over, { today: TODAY }).map((e) => e.code)).toEqual([
      "unexpected",
      "incomplete",
    ]);
    expect(validateAnswers(mini, { ...over, [APPLY_ANYWAY]: ["over-ceiling"] }, { today: TODAY })).toEqual(
      [],
    );
  });

  it("refuses a request with a missing answer on the path", () => {
    const { income: _, ...partial } = complete;
    expect(validateAnswers(mini, partial, { today: TODAY }).map((e) => [e.path, e.code])).toEqual([
      ["income", "required"],
    ]);
  });

  it("lists the documents the answers call for, and which are already added", () => {
    expect(documentsChecklist(mini, complete).map((d) => d.id)).toEqual(["taxNotice"]);
    const separated = {
      ...complete,
      separated: true,
      custodyDecision: [{ id: "1", name: "j.pdf", type: "application/pdf", size: 10 }],
    };
    expect(documentsChecklist(mini, separated).map((d) => [d.id, d.provided])).toEqual([
      ["taxNotice", false],
      ["custody", true],
    ]);
  });

  it("computes values with the figures they were computed from", () => {
    const [shares, quotient] = computeValues(mini, { ...complete, children: [{}, {}, {}] });
    expect(shares).toMatchObject({ id: "shares", value: 2.5, inputs: { children: [{}, {}, {}] } });
    expect(quotient).toMatchObject({ id: "quotient", value: 36000, inputs: { income: 90000, shares: 2.5 } });
  });
});

describe("what the pages show", () => {
  const mini = miniFlow();
  const household = mini.steps.find((s) => s.id === "household");
  const children = mini.steps.find((s) => s.id === "children");

  it("groups the review by section, on the path taken only", () => {
    const answers = { livesInSud: true, income: 90000, separated: false, children: [{ firstName: "Léa" }] };
    expect(
      reviewSections(mini, answers).map((s) => [
        s.title,
        s.rows.map((r) => `${r.step}:${r.field.id}=${JSON.stringify(r.value)}`),
      ]),
    ).toEqual([
      [
        "sections.household",
        [
          "household:livesInSud=true",
          "household:income=90000",
          "household:separated=false",
          "household:phone=undefined",
        ],
      ],
      ["children.title", ['children:children=[{"firstName":"Léa"}]']],
    ]);
  });

  it("shows a repeat item's subfield only when its condition holds, and names the item", () => {
    if (household?.type !== "questions" || children?.type !== "questions") throw new Error("fixture changed");
    expect(visibleFields(mini, household, {}).map((f) => f.id)).toEqual([
      "livesInSud",
      "income",
      "separated",
      "phone",
    ]);
    const group = children.fields[0];
    if (group?.type !== "group") throw new Error("fixture changed");
    expect(visibleSubfields(mini, group, { regime: "day" }, {}).map((f) => f.id)).toEqual([
      "firstName",
      "regime",
    ]);
    expect(visibleSubfields(mini, group, { regime: "board" }, {}).map((f) => f.id)).toEqual([
      "firstName",
      "regime",
      "hostel",
    ]);
    expect(itemTitle(mini, group, { firstName: " Léa " }, {})).toBe("Léa");
    expect(itemTitle(mini, group, {}, {})).toBeUndefined();
  });
});
