/** A page that only tells: an estimate, a result, with the figures and how they were computed. */
import type { Step } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { ComputedValues } from "../parts/computed-values";
import { NextForm } from "./next-form";
import type { StepProps } from "./step-props";

export function InfoStep({ session, step, text, computed }: StepProps<Extract<Step, { type: "info" }>>) {
  const { t } = useTranslation();
  const shown = computed.filter((c) => step.show?.includes(c.id));
  return (
    <NextForm actor={session.actor}>
      <h1 tabIndex={-1}>{text(step.title)}</h1>
      {step.intro && <p class="lead">{text(step.intro)}</p>}
      {step.body && <p>{text(step.body)}</p>}
      {shown.length > 0 && <ComputedValues flow={session.flow} values={shown} text={text} />}
      <button type="submit" class="button">
        {t("wizard:step.continue")}
      </button>
    </NextForm>
  );
}
