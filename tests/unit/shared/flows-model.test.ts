/**
 * Model-based tests of the real flows with xstate/graph: for each example answer set, explore
 * every state the wizard can reach by filling the current page from the example, continuing,
 * going back, applying anyway and submitting. Together the examples must reach every step,
 * every state explored must still be able to reach the review or an outcome, and each example
 * must end where it says, with no error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getAdjacencyMap } from "xstate/graph";
import { appliedAnyway } from "../../../src/shared/engine/answers";
import { type Example, isExample } from "../../../src/shared/engine/examples";
import {
  compileFlow,
  currentStep,
  type WizardEvent,
  type WizardSnapshot,
} from "../../../src/shared/engine/machine";
import { type Flow, parseFlow } from "../../../src/shared/flow/schema";

const root = join(import.meta.dirname, "../../..");
const TODAY = "2026-11-30";
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

const flows = readdirSync(join(root, "flows"))
  .filter((f) => f.endsWith(".json"))
  .map((file) => {
    const flow = parseFlow(readJson(join(root, "flows", file))).flow as Flow;
    const dir = join(root, "flows", "examples", flow.id);
    const examples = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), readJson(join(dir, f)) as Example] as const);
    return { flow, examples };
  });

function eventsFor(flow: Flow, example: Example) {
  return (snapshot: WizardSnapshot): WizardEvent[] => {
    const step = flow.steps.find((s) => s.id === currentStep(snapshot));
    switch (step?.type) {
      case "questions": {
        const answers = Object.fromEntries(
          step.fields.filter((f) => f.id in example.answers).map((f) => [f.id, example.answers[f.id]]),
        );
        return [{ type: "SET_ANSWERS", answers }, { type: "NEXT" }, { type: "BACK" }];
      }
      case "outcome":
        return appliedAnyway(example.answers).includes(step.id)
          ? [{ type: "APPLY_ANYWAY" }, { type: "BACK" }]
          : [{ type: "BACK" }];
      case "declaration":
        return [{ type: "SUBMIT" }, { type: "BACK" }];
      case "submitted":
        return [];
      default:
        return [{ type: "NEXT" }, { type: "BACK" }];
    }
  };
}

const serialize = (s: WizardSnapshot) =>
  JSON.stringify([s.value, s.context.answers, s.context.returning, s.context.errors.length]);

function explore(flow: Flow, example: Example) {
  const machine = compileFlow(flow);
  return getAdjacencyMap(machine, {
    input: { today: TODAY },
    events: eventsFor(flow, example),
    serializeState: serialize,
    limit: 20000,
  });
}

describe.each(flows)("flow $flow.id", ({ flow, examples }) => {
  it("has examples, each valid for the path it takes", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const [, example] of examples) expect(isExample(example)).toBe(true);
  });

  const graphs = examples.map(([name, example]) => ({ name, example, graph: explore(flow, example) }));

  it.each(graphs)("example $name reaches its expected end with no validation error", ({ example, graph }) => {
    const ends = Object.values(graph).filter(
      ({ state }) => currentStep(state) === example.expect.end && state.context.errors.length === 0,
    );
    expect(ends.length).toBeGreaterThan(0);
    if (example.expect.end === flow.steps.find((s) => s.type === "review")?.id) {
      const submitted = Object.values(graph).some(({ state }) => state.status === "done");
      expect(submitted).toBe(true);
    }
  });

  it.each(graphs)(
    "from every state explored with $name, the review or an outcome can still be reached",
    ({ graph }) => {
      const endings = new Set(
        flow.steps.filter((s) => s.type !== "questions" && s.type !== "info").map((s) => s.id),
      );
      const entries = Object.entries(graph);
      const canEnd = new Set(
        entries.filter(([, { state }]) => endings.has(currentStep(state))).map(([key]) => key),
      );
      for (let changed = true; changed; ) {
        changed = false;
        for (const [key, { transitions }] of entries) {
          if (canEnd.has(key)) continue;
          const targets = Object.values(transitions) as { state: WizardSnapshot }[];
          if (targets.some(({ state }) => canEnd.has(serialize(state)))) {
            canEnd.add(key);
            changed = true;
          }
        }
      }
      const stuck = Object.keys(graph).filter((key) => !canEnd.has(key));
      expect(stuck).toEqual([]);
    },
  );

  it("reaches every step of the flow through its examples", () => {
    const reached = new Set(
      graphs.flatMap(({ graph }) => Object.values(graph).map(({ state }) => currentStep(state))),
    );
    expect(flow.steps.map((s) => s.id).filter((id) => !reached.has(id))).toEqual([]);
  });
});
