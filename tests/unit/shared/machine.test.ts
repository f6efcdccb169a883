import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { APPLY_ANYWAY } from "../../../src/shared/engine/answers";
import { draftOf, restoreDraft } from "../../../src/shared/engine/draft";
import { compileFlow, currentStep, type WizardEvent } from "../../../src/shared/engine/machine";
import { progressOf } from "../../../src/shared/engine/path";
import { miniFlow } from "./mini-flow";

const flow = miniFlow();
const machine = compileFlow(flow);
const TODAY = "2026-11-30";
const doc = { id: "d1", name: "jugement.pdf", type: "application/pdf", size: 2000 };

function start(events: WizardEvent[] = []) {
  const actor = createActor(machine, { input: { today: TODAY } }).start();
  for (const e of events) actor.send(e);
  return actor;
}

const household = (values: Record<string, unknown>): WizardEvent => ({
  type: "SET_ANSWERS",
  answers: values,
});
const eligible = household({ livesInSud: true, income: 90000, separated: false });
const oneChild: WizardEvent[] = [
  { type: "ADD_ITEM", field: "children" },
  { type: "SET_ANSWER", path: ["children", 0, "firstName"], value: "Léa" },
  { type: "SET_ANSWER", path: ["children", 0, "regime"], value: "day" },
];

describe("the compiled wizard", () => {
  it("refuses to continue with missing answers and says which, as locale keys", () => {
    const actor = start([{ type: "NEXT" }]);
    const snap = actor.getSnapshot();
    expect(currentStep(snap)).toBe("household");
    expect(snap.context.errors.map((e) => [e.path, e.key])).toEqual([
      ["livesInSud", "errors:required"],
      ["income", "errors:required"],
      ["separated", "errors:required"],
    ]);
  });

  it("checks constraints: a wrong phone number and a negative amount", () => {
    const actor = start([
      household({ livesInSud: true, income: -5, separated: false, phone: "12 34" }),
      { type: "NEXT" },
    ]);
    expect(actor.getSnapshot().context.errors.map((e) => e.code)).toEqual(["min", "phone"]);
    actor.send(household({ income: 5, phone: "+687 27.12.34" }));
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
  });

  it("drops an error as soon as its answer is fixed, and keeps it out of the saved draft", () => {
    const actor = start([
      household({ livesInSud: true, income: -5, separated: false, phone: "12 34" }),
      { type: "NEXT" },
    ]);
    actor.send({ type: "SET_ANSWER", path: ["income"], value: 5 });
    expect(actor.getSnapshot().context.errors.map((e) => e.path)).toEqual(["phone"]);
    // A new mistake on a question without an error waits for "Continuer".
    actor.send({ type: "SET_ANSWER", path: ["income"], value: -1 });
    expect(actor.getSnapshot().context.errors.map((e) => e.path)).toEqual(["phone"]);
    actor.send({ type: "SET_ANSWER", path: ["phone"], value: "27 12 34" });
    expect(actor.getSnapshot().context.errors).toEqual([]);
    const { snapshot } = restoreDraft(flow, machine, draftOf(actor), TODAY);
    expect(createActor(machine, { snapshot, input: undefined }).start().getSnapshot().context.errors).toEqual(
      [],
    );
  });

  it("skips a step whose condition does not hold and counts progress on the path taken", () => {
    const actor = start([eligible]);
    expect(progressOf(flow, actor.getSnapshot().context.answers, "household")).toEqual({ step: 1, total: 2 });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
    actor.send(household({ separated: true }));
    expect(progressOf(flow, actor.getSnapshot().context.answers, "children")).toEqual({ step: 3, total: 3 });
  });

  it("goes through the whole procedure, back and forth, to the submitted state", () => {
    const actor = start([eligible, { type: "NEXT" }, ...oneChild, { type: "NEXT" }]);
    expect(actor.getSnapshot().hasTag("review")).toBe(true);
    actor.send({ type: "BACK" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
    actor.send({ type: "BACK" });
    expect(currentStep(actor.getSnapshot())).toBe("household");
    actor.send({ type: "BACK" });
    expect(currentStep(actor.getSnapshot())).toBe("household");
    actor.send({ type: "NEXT" });
    actor.send({ type: "NEXT" });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("declaration");
    actor.send({ type: "SUBMIT" });
    expect(actor.getSnapshot().status).toBe("done");
    expect(currentStep(actor.getSnapshot())).toBe("sent");
  });

  it("shows an outcome when not eligible, and lets the person apply anyway where allowed", () => {
    const over = start([household({ livesInSud: true, income: 250000, separated: false }), { type: "NEXT" }]);
    expect(currentStep(over.getSnapshot())).toBe("over-ceiling");
    expect(over.getSnapshot().can({ type: "APPLY_ANYWAY" })).toBe(true);
    over.send({ type: "APPLY_ANYWAY" });
    // custody is skipped (not separated), so applying anyway lands on the children.
    expect(currentStep(over.getSnapshot())).toBe("children");
    expect(over.getSnapshot().context.answers[APPLY_ANYWAY]).toEqual(["over-ceiling"]);
    over.send({ type: "BACK" });
    expect(currentStep(over.getSnapshot())).toBe("over-ceiling");

    const away = start([household({ livesInSud: false, income: 1000, separated: false }), { type: "NEXT" }]);
    expect(currentStep(away.getSnapshot())).toBe("not-resident");
    expect(away.getSnapshot().can({ type: "APPLY_ANYWAY" })).toBe(false);
    away.send({ type: "BACK" });
    expect(currentStep(away.getSnapshot())).toBe("household");
  });

  it("edits from the review, asks the questions a new branch opens, and drops stale answers", () => {
    const actor = start([
      household({ livesInSud: true, income: 90000, separated: true }),
      { type: "NEXT" },
      { type: "SET_ANSWER", path: ["custodyDecision"], value: [doc] },
      { type: "NEXT" },
      ...oneChild,
      { type: "NEXT" },
    ]);
    expect(currentStep(actor.getSnapshot())).toBe("review");

    actor.send({ type: "EDIT", step: "household" });
    actor.send({ type: "SET_ANSWER", path: ["separated"], value: false });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("review");
    expect(actor.getSnapshot().context.dropped).toEqual(["custodyDecision"]);
    expect(actor.getSnapshot().context.answers.custodyDecision).toBeUndefined();

    actor.send({ type: "EDIT", step: "household" });
    actor.send({ type: "SET_ANSWER", path: ["separated"], value: true });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("custody");
    actor.send({ type: "BACK" });
    expect(currentStep(actor.getSnapshot())).toBe("review");
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("custody");
    actor.send({ type: "SET_ANSWER", path: ["custodyDecision"], value: [doc] });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("review");
  });

  it("changes a repeat item from the review and drops its hidden subfield", () => {
    const actor = start([eligible, { type: "NEXT" }, ...oneChild, { type: "NEXT" }]);
    actor.send({ type: "EDIT", step: "children" });
    actor.send({ type: "SET_ANSWER", path: ["children", 0, "regime"], value: "board" });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().context.errors.map((e) => e.path)).toEqual(["children.0.hostel"]);
    actor.send({ type: "SET_ANSWER", path: ["children", 0, "hostel"], value: "Foyer de Bourail" });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("review");

    actor.send({ type: "EDIT", step: "children" });
    actor.send({ type: "SET_ANSWER", path: ["children", 0, "regime"], value: "day" });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().context.dropped).toEqual(["children.0.hostel"]);
    expect(actor.getSnapshot().context.answers.children).toEqual([{ firstName: "Léa", regime: "day" }]);
  });

  it("adds and removes repeat items within their limits", () => {
    const actor = start([eligible, { type: "NEXT" }]);
    for (let i = 0; i < 4; i++) actor.send({ type: "ADD_ITEM", field: "children" });
    expect(actor.getSnapshot().context.answers.children).toHaveLength(3);
    actor.send({ type: "REMOVE_ITEM", field: "children", index: 1 });
    expect(actor.getSnapshot().context.answers.children).toHaveLength(2);
    actor.send({ type: "REMOVE_ITEM", field: "children", index: 0 });
    actor.send({ type: "REMOVE_ITEM", field: "children", index: 0 });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().context.errors.map((e) => [e.path, e.code, e.params])).toEqual([
      ["children", "minItems", { count: 1 }],
    ]);
  });

  it("does not submit from the declaration when an answer went missing", () => {
    const actor = start([eligible, { type: "NEXT" }, ...oneChild, { type: "NEXT" }, { type: "NEXT" }]);
    expect(currentStep(actor.getSnapshot())).toBe("declaration");
    actor.send({ type: "SET_ANSWER", path: ["income"], value: undefined });
    expect(actor.getSnapshot().can({ type: "SUBMIT" })).toBe(false);
    actor.send({ type: "BACK" });
    actor.send({ type: "NEXT" });
    expect(currentStep(actor.getSnapshot())).toBe("household");
  });

  it("opens a step directly only when every step before it is answered", () => {
    const actor = start([eligible, { type: "NEXT" }]);
    actor.send({ type: "GO", step: "review" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
    actor.send({ type: "GO", step: "household" });
    expect(currentStep(actor.getSnapshot())).toBe("household");
    actor.send({ type: "GO", step: "children" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
    actor.send({ type: "GO", step: "custody" });
    expect(currentStep(actor.getSnapshot())).toBe("children");
    for (const e of oneChild) actor.send(e);
    actor.send({ type: "GO", step: "declaration" });
    expect(currentStep(actor.getSnapshot())).toBe("declaration");
    actor.send({ type: "GO", step: "sent" });
    expect(currentStep(actor.getSnapshot())).toBe("declaration");
  });

  it("saves a draft and restores it on the same step with the same answers", () => {
    const actor = start([eligible, { type: "NEXT" }, ...oneChild]);
    const draft = JSON.parse(JSON.stringify(draftOf(actor)));
    expect(draft).toMatchObject({ flowId: "mini", flowVersion: 2 });
    const { snapshot, migration } = restoreDraft(flow, machine, draft);
    expect(migration).toBeUndefined();
    const restored = createActor(machine, { snapshot, input: undefined }).start();
    expect(currentStep(restored.getSnapshot())).toBe("children");
    expect(restored.getSnapshot().context.answers).toEqual(actor.getSnapshot().context.answers);
    restored.send({ type: "NEXT" });
    expect(currentStep(restored.getSnapshot())).toBe("review");
  });

  it("migrates a draft of an older flow version, keeping every answer whose question still exists", () => {
    const draft = {
      flowId: "mini",
      flowVersion: 1,
      answers: {
        livesInSud: true,
        income: 90000,
        separated: false,
        nickname: "Lolo",
        children: [{ firstName: "Léa", regime: "day", shoeSize: 30 }],
      },
      snapshot: { value: "old-step", status: "active", context: {} },
    };
    const { snapshot, migration } = restoreDraft(flow, machine, draft, TODAY);
    expect(migration).toEqual({
      fromVersion: 1,
      toVersion: 2,
      removed: ["nickname", "children.0.shoeSize"],
      askedAgain: [],
      newQuestionsFirst: false,
      stepRemoved: "old-step",
    });
    const actor = createActor(machine, { snapshot, input: undefined }).start();
    expect(currentStep(actor.getSnapshot())).toBe("review");
    expect(actor.getSnapshot().context.answers).toEqual({
      livesInSud: true,
      income: 90000,
      separated: false,
      children: [{ firstName: "Léa", regime: "day" }],
    });
  });

  it("resumes a migrated draft at its step when that step still exists", () => {
    const draft = {
      flowId: "mini",
      flowVersion: 1,
      answers: { livesInSud: true },
      snapshot: { value: "household" },
    };
    const { snapshot, migration } = restoreDraft(flow, machine, draft);
    expect(migration?.removed).toEqual([]);
    expect(createActor(machine, { snapshot, input: undefined }).start().getSnapshot().value).toBe(
      "household",
    );
  });
});
