/**
 * Goes through a procedure with one example answer set, page by page, as a person would: answer,
 * "Continuer", and "Faire la demande quand même" on the outcomes the example goes past.
 */
import { expect } from "@playwright/test";
import type { Example } from "../../../src/shared/engine/examples";
import type { Step } from "../../../src/shared/flow/schema";
import type { WizardPage } from "../pages/wizard-page";
import { stepOfType } from "./flows";

export type PageVisitor = (step: Step) => Promise<void>;

const APPLY_ANYWAY = "$applyAnyway";

/** Each step is visited once on a path, so more moves than steps means the walk is going round. */
function movesAllowed(wizard: WizardPage): number {
  return wizard.flow.steps.length + 1;
}

export interface WalkOptions {
  /** Where to stop, unanswered: the example's `expect.end` (the review or an outcome) by default. */
  readonly until?: string;
  /** Called on each page on the way, the last one included. */
  readonly visit?: PageVisitor;
}

/**
 * From the current step to `until`, answering each page from the example. The step is read from
 * the address: start once the page shows a step (after expectStep), not right after a click.
 */
export async function walkExample(
  wizard: WizardPage,
  example: Example,
  options: WalkOptions = {},
): Promise<void> {
  const { until = example.expect.end, visit } = options;
  const passed = example.answers[APPLY_ANYWAY];
  for (let move = 0; move < movesAllowed(wizard); move++) {
    const step = wizard.currentStep();
    await wizard.expectStep(step.id);
    await visit?.(step);
    if (step.id === until) return;
    const before = wizard.page.url();
    if (step.type === "questions") {
      await wizard.fillStep(example.answers);
      await wizard.continue();
    } else if (step.type === "info") {
      await wizard.continue();
    } else if (step.type === "outcome" && Array.isArray(passed) && passed.includes(step.id)) {
      await wizard.applyAnyway();
    } else {
      throw new Error(`stopped at ${step.id}, expected to reach ${until}`);
    }
    // A refused page stays put with its error summary, which the trace shows.
    await expect(wizard.page, `"${step.id}" should lead on`).not.toHaveURL(before);
  }
  throw new Error(`did not reach ${until}`);
}

/** From the review: the declaration, then sending, then the confirmation (the "submitted" step's page). */
export async function sendFromReview(wizard: WizardPage, visit?: PageVisitor): Promise<void> {
  await wizard.continue();
  const declaration = stepOfType(wizard.flow, "declaration");
  await wizard.expectStep(declaration.id);
  await visit?.(declaration);
  await wizard.submit();
  await wizard.expectConfirmation();
  await visit?.(stepOfType(wizard.flow, "submitted"));
}
