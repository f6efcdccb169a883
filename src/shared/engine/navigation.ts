/**
 * Where "Continuer" and "Retour" lead from a step, given the answers. The machine's guards ask
 * these functions; views never do, they ask the machine.
 */
import { indexFlow } from "../flow/flow-index";
import type { Flow } from "../flow/schema";
import type { Answers } from "./answers";
import { pathOf } from "./path";
import { type ValidateOptions, validateStep } from "./validate";

/** The first step on the path with a missing or wrong answer. */
export function firstIncomplete(
  flow: Flow,
  answers: Answers,
  options: ValidateOptions = {},
): string | undefined {
  const index = indexFlow(flow);
  return pathOf(flow, answers).find((id) => {
    const step = index.steps.get(id);
    return step?.type === "questions" && validateStep(flow, step, answers, options).length > 0;
  });
}

/** The whole path is answered and ends at the review: the request can be declared and sent. */
export function isComplete(flow: Flow, answers: Answers, options: ValidateOptions = {}): boolean {
  const path = pathOf(flow, answers);
  return (
    path[path.length - 1] === indexFlow(flow).review.id &&
    firstIncomplete(flow, answers, options) === undefined
  );
}

/**
 * After a change made from the review ("Modifier"), the person goes through any question the
 * change opened, then straight back to the review (or to the outcome the change leads to).
 */
export function nextStep(
  flow: Flow,
  answers: Answers,
  current: string,
  returning: boolean,
  options: ValidateOptions = {},
): string | undefined {
  const path = pathOf(flow, answers);
  const at = path.indexOf(current);
  if (!returning && at >= 0) return path[at + 1];
  // The path ends at the review, or at an outcome the changed answers now lead to.
  return firstIncomplete(flow, answers, options) ?? path[path.length - 1];
}

export function previousStep(
  flow: Flow,
  answers: Answers,
  current: string,
  returning: boolean,
): string | undefined {
  const review = indexFlow(flow).review.id;
  if (returning && current !== review) return review;
  const path = pathOf(flow, answers);
  const at = path.indexOf(current);
  return at > 0 ? path[at - 1] : undefined;
}

/**
 * Steps a person may open directly (browser back and forward, a reload, a bookmarked step):
 * the path up to the first step still to answer, and the declaration once all is answered.
 */
export function openableSteps(flow: Flow, answers: Answers, options: ValidateOptions = {}): string[] {
  const path = pathOf(flow, answers);
  const pending = firstIncomplete(flow, answers, options);
  if (pending !== undefined) return path.slice(0, path.indexOf(pending) + 1);
  const index = indexFlow(flow);
  return path[path.length - 1] === index.review.id ? [...path, index.declaration.id] : path;
}
