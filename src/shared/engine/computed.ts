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

const parameterCache = new WeakMap<Flow, Readonly<Record<string, unknown>>>();

/** A flow's parameters by name; flows are immutable, so each gets one object, read by every scope. */
export function parameterValues(flow: Flow): Readonly<Record<string, unknown>> {
  const known = parameterCache.get(flow);
  if (known) return known;
  const params = Object.freeze(
    Object.fromEntries(Object.entries(flow.parameters).map(([id, p]) => [id, p.value])),
  );
  parameterCache.set(flow, params);
  return params;
}

/**
 * A copy of the answers that computed values are then added to. Object.assign, not a spread:
 * V8 makes adding keys to a spread copy slow (microseconds each, on every keystroke and every
 * request). Assigning would set the prototype for an answer named "__proto__", so such
 * answers, which no valid request has, keep the spread.
 */
function copyOf(answers: Answers): Record<string, unknown> {
  return Object.hasOwn(answers, "__proto__") ? { ...answers } : Object.assign({}, answers);
}

export function computeValues(flow: Flow, answers: Answers): ComputedValue[] {
  const params = parameterValues(flow);
  const values = copyOf(answers);
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
  const params = parameterValues(flow);
  const values = copyOf(answers);
  const scope: Scope = { values, params };
  // The same order and the same growing scope as computeValues, without the explanations.
  for (const c of flow.computed) values[c.id] = evaluate(c.expr, scope);
  return scope;
}
