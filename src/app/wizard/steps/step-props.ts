import type { ComputedValue } from "../../../shared/engine/computed";
import type { Step } from "../../../shared/flow/schema";
import type { FlowText } from "../fields/field-props";
import type { WizardSession } from "../session";

/** What each kind of page receives from the step page that frames it. */
export interface StepProps<S extends Step = Step> {
  readonly session: WizardSession;
  readonly step: S;
  readonly text: FlowText;
  readonly computed: readonly ComputedValue[];
}
