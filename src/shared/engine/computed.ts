/**
 * Computed values (family quotient, medical-aid ceiling…): evaluated in flow order from the
 * answers and parameters, and returned with the inputs they read so the person can see how
 * each figure was reached.
 */
import { evaluate, referencesOf, type Scope } from "../expression/expression";
import type { Flow } from "../flow/schema";
import type { Answers } from "./answers";

export interface ComputedValue {
  readonly id: string;
  readonly value: unknown;
  /** Every name the expression reads, with its value: the figures of the explanation. */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly label: string;
  readonly explain: string;
  readonly format: Flow["computed"][number]["format"];
}

export function parameterValues(flow: Flow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flow.parameters).map(([id, p]) => [id, p.value]));
}

export function computeValues(flow: Flow, answers: Answers): ComputedValue[] {
  const params = parameterValues(flow);
  const values: Record<string, unknown> = { ...answers };
  return flow.computed.map((c) => {
    const scope: Scope = { values, params };
    const value = evaluate(c.expr, scope);
    const refs = referencesOf(c.expr);
    const inputs: Record<string, unknown> = {};
    for (const name of refs.values) inputs[name] = values[name];
    for (const name of refs.params) inputs[name] = params[name];
    values[c.id] = value;
    return { id: c.id, value, inputs, label: c.label, explain: c.explain, format: c.format };
  });
}

/** The scope expressions see: answers and computed values by name, parameters under params. */
export function scopeFor(flow: Flow, answers: Answers): Scope {
  const values: Record<string, unknown> = { ...answers };
  for (const c of computeValues(flow, answers)) values[c.id] = c.value;
  return { values, params: parameterValues(flow) };
}
