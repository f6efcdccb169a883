/**
 * Which example shows each page of a procedure first, so the accessibility checks see every
 * distinct page once without replaying every example. The path an example takes comes from the
 * engine (the same derivation the app uses); the walk then checks that it does go there.
 */
import { pathOf } from "../../../src/shared/engine/path";
import { examplesOf, loadFlow, type NamedExample, stepOfType } from "./flows";

export interface PagesShownFirst {
  readonly named: NamedExample;
  /** Step ids this example is the first to reach, in path order; the review leads on to the declaration and confirmation. */
  readonly steps: readonly string[];
}

export function examplesShowingEveryPage(flowId: string): PagesShownFirst[] {
  const flow = loadFlow(flowId);
  const review = stepOfType(flow, "review").id;
  const afterReview = [stepOfType(flow, "declaration").id, stepOfType(flow, "submitted").id];
  const seen = new Set<string>();
  const chosen: PagesShownFirst[] = [];
  for (const named of examplesOf(flowId)) {
    const path = pathOf(flow, named.example.answers);
    const reached = named.example.expect.end === review ? [...path, ...afterReview] : path;
    const steps = reached.filter((id) => !seen.has(id));
    for (const id of steps) seen.add(id);
    if (steps.length > 0) chosen.push({ named, steps });
  }
  return chosen;
}
