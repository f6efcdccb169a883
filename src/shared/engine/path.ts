/**
 * The path actually taken through a flow, derived from the answers alone: where "Continuer"
 * leads, where "Retour" leads, what the progress counts and which answers are still relevant.
 * Deriving it (instead of keeping a history) means a changed answer re-routes everything at once.
 */
import { holds, type Scope } from "../expression/expression";
import { indexFlow } from "../flow/flow-index";
import type { Flow, Step } from "../flow/schema";
import { type Answers, appliedAnyway } from "./answers";
import { scopeFor } from "./computed";

function firstRuleTarget(step: Extract<Step, { next: unknown }>, scope: Scope): string | undefined {
  if (typeof step.next === "string") return step.next;
  return step.next.find((rule) => rule.if === undefined || holds(rule.if, scope))?.goto;
}

function isSkipped(step: Step, scope: Scope): boolean {
  return (
    (step.type === "questions" || step.type === "info") &&
    step.showIf !== undefined &&
    !holds(step.showIf, scope)
  );
}

/**
 * Step ids from the start to where the path ends: the review, or an outcome the person has not
 * chosen to go past. Skipped steps are left out. A flow that loops is cut at the first repeat
 * (flows:check rejects such flows; the engine must still never hang on one).
 */
export function pathOf(flow: Flow, answers: Answers, scope: Scope = scopeFor(flow, answers)): string[] {
  const index = indexFlow(flow);
  const passed = new Set(appliedAnyway(answers));
  const path: string[] = [];
  const seen = new Set<string>();
  let id: string | undefined = flow.start;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const step = index.steps.get(id);
    if (!step) break;
    const skipped = isSkipped(step, scope);
    if (!skipped) path.push(id);
    switch (step.type) {
      case "questions":
      case "info":
        id = firstRuleTarget(step, scope);
        break;
      case "outcome":
        id = passed.has(step.id) ? step.applyAnyway : undefined;
        break;
      default:
        id = undefined;
    }
  }
  return path;
}

/** The steps a person answers on the path, for "Étape 3 sur 7". */
export function progressOf(flow: Flow, answers: Answers, current: string): { step: number; total: number } {
  const index = indexFlow(flow);
  const counted = pathOf(flow, answers).filter((id) => index.steps.get(id)?.type === "questions");
  const at = counted.indexOf(current);
  return { step: at + 1, total: counted.length };
}
