/**
 * Example answer sets shipped with each flow (flows/examples/<flow>/*.json): one per path worth
 * knowing (eligible, not eligible, several children…). flows:check and every kind of test reuse
 * them; this module says whether one still does what it claims.
 */
import { indexFlow } from "../flow/flow-index";
import type { Flow } from "../flow/schema";
import type { Answers } from "./answers";
import { computeValues } from "./computed";
import { documentsChecklist } from "./documents";
import { pathOf } from "./path";
import { type ValidateOptions, validateAnswers, validateStep } from "./validate";

export interface Example {
  readonly description: string;
  readonly answers: Answers;
  readonly expect: {
    /** The review, or the outcome step where the path stops. */
    readonly end: string;
    readonly documents?: readonly string[];
    readonly computed?: Readonly<Record<string, unknown>>;
    /**
     * The mistakes the checks must catch (flows/examples/<flow>/mistakes/): each answer that is
     * refused, with its error code. Without it, every answer must be accepted.
     */
    readonly errors?: readonly { readonly path: string; readonly code: string }[];
  };
}

export function isExample(value: unknown): value is Example {
  const e = value as Example;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.description === "string" &&
    typeof e.answers === "object" &&
    e.answers !== null &&
    typeof e.expect?.end === "string"
  );
}

/** What is wrong with an example, in plain sentences; empty when it holds. */
export function checkExample(flow: Flow, example: Example, options: ValidateOptions = {}): string[] {
  const index = indexFlow(flow);
  const problems: string[] = [];
  const path = pathOf(flow, example.answers);
  const end = path[path.length - 1];
  if (end !== example.expect.end) problems.push(`ends at "${end}", not at "${example.expect.end}"`);
  const errors =
    end === index.review.id
      ? validateAnswers(flow, example.answers, options)
      : path.flatMap((id) => {
          const step = index.steps.get(id);
          return step ? validateStep(flow, step, example.answers, options) : [];
        });
  const expected = new Set((example.expect.errors ?? []).map((e) => `${e.path}: ${e.code}`));
  const found = new Set(errors.map((e) => `${e.path}: ${e.code}`));
  for (const e of found) if (!expected.has(e)) problems.push(`answer "${e}" is refused`);
  for (const e of expected) if (!found.has(e)) problems.push(`answer "${e}" is accepted, not refused`);
  if (example.expect.documents) {
    const ids = documentsChecklist(flow, example.answers).map((d) => d.id);
    if (ids.join() !== example.expect.documents.join())
      problems.push(`documents are [${ids.join(", ")}], expected [${example.expect.documents.join(", ")}]`);
  }
  const computed = new Map(computeValues(flow, example.answers).map((c) => [c.id, c.value]));
  for (const [id, expected] of Object.entries(example.expect.computed ?? {}))
    if (computed.get(id) !== expected)
      problems.push(`computed ${id} is ${String(computed.get(id))}, expected ${String(expected)}`);
  return problems;
}
