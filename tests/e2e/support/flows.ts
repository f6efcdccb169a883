/**
 * The procedures and their example answer sets (flows/examples/<flow>/), parsed with the app's own
 * schema so defaults (a field is required unless it says otherwise…) are the ones the page uses.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Example } from "../../../src/shared/engine/examples";
import { type Field, type Flow, parseFlow, type Step } from "../../../src/shared/flow/schema";
import { flowIds } from "../../support/flow-texts";

const FLOWS = join(import.meta.dirname, "..", "..", "..", "flows");

export interface NamedExample {
  readonly flowId: string;
  /** The file name without ".json": "eligible-single". */
  readonly name: string;
  readonly example: Example;
}

const flows = new Map<string, Flow>();

export function loadFlow(flowId: string): Flow {
  let flow = flows.get(flowId);
  if (!flow) {
    const parsed = parseFlow(JSON.parse(readFileSync(join(FLOWS, `${flowId}.json`), "utf8")));
    if (!parsed.flow) throw new Error(`flows/${flowId}.json does not parse: run npm run flows:check`);
    flow = parsed.flow;
    flows.set(flowId, flow);
  }
  return flow;
}

export function stepOf(flow: Flow, stepId: string): Step {
  const step = flow.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw new Error(`${flow.id} has no step "${stepId}"`);
  return step;
}

/** The flow's one step of a kind: its review, declaration or submitted page. */
export function stepOfType(flow: Flow, type: Step["type"]): Step {
  const step = flow.steps.find((candidate) => candidate.type === type);
  if (!step) throw new Error(`${flow.id} has no ${type} step`);
  return step;
}

/** A question of the flow by its id (ids are unique in the whole flow). */
export function fieldOf(flow: Flow, fieldId: string): Field {
  for (const step of flow.steps)
    if (step.type === "questions") {
      const field = step.fields.find((candidate) => candidate.id === fieldId);
      if (field) return field;
    }
  throw new Error(`${flow.id} has no field "${fieldId}"`);
}

export function examplesOf(flowId: string): NamedExample[] {
  const folder = join(FLOWS, "examples", flowId);
  return readdirSync(folder)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({
      flowId,
      name: file.slice(0, -".json".length),
      example: JSON.parse(readFileSync(join(folder, file), "utf8")) as Example,
    }));
}

export function allExamples(): NamedExample[] {
  return flowIds().flatMap(examplesOf);
}

export function exampleOf(flowId: string, name: string): NamedExample {
  const found = examplesOf(flowId).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no example flows/examples/${flowId}/${name}.json`);
  return found;
}
