/** Lookup tables over a validated flow, built once per flow: the engine asks them on every event. */
import type { Field, Flow, Step } from "./schema";

export interface FieldEntry {
  readonly field: Field;
  readonly stepId: string;
}

export interface FlowIndex {
  readonly flow: Flow;
  readonly steps: ReadonlyMap<string, Step>;
  readonly fields: ReadonlyMap<string, FieldEntry>;
  readonly computed: ReadonlySet<string>;
  readonly review: Extract<Step, { type: "review" }>;
  readonly declaration: Extract<Step, { type: "declaration" }>;
}

const cache = new WeakMap<Flow, FlowIndex>();

export function indexFlow(flow: Flow): FlowIndex {
  const known = cache.get(flow);
  if (known) return known;
  const steps = new Map<string, Step>();
  const fields = new Map<string, FieldEntry>();
  for (const step of flow.steps) {
    steps.set(step.id, step);
    if (step.type === "questions")
      for (const field of step.fields) fields.set(field.id, { field, stepId: step.id });
  }
  const review = flow.steps.find((s) => s.type === "review");
  const declaration = flow.steps.find((s) => s.type === "declaration");
  if (!review || !declaration) throw new Error(`flow ${flow.id} needs a review and a declaration step`);
  const index: FlowIndex = {
    flow,
    steps,
    fields,
    computed: new Set(flow.computed.map((c) => c.id)),
    review: review as FlowIndex["review"],
    declaration: declaration as FlowIndex["declaration"],
  };
  cache.set(flow, index);
  return index;
}

/** Where each step can lead, as written in the flow (every rule, whatever its condition). */
export function successorsOf(step: Step): string[] {
  switch (step.type) {
    case "questions":
    case "info":
      return typeof step.next === "string" ? [step.next] : step.next.map((rule) => rule.goto);
    case "outcome":
      return step.applyAnyway ? [step.applyAnyway] : [];
    case "review":
      return [step.next];
    case "declaration":
      return [step.submit];
    case "submitted":
      return [];
  }
}
