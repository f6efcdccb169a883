/** "You seem not eligible": why in one sentence, what else can help, whom to ask; never a dead end. */
import type { Step } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { Link } from "../../routing/link";
import { paths } from "../../routing/routes";
import { ComputedValues } from "../parts/computed-values";
import { DepartmentContact } from "../parts/department-contact";
import type { StepProps } from "./step-props";

export function OutcomeStep({
  session,
  step,
  text,
  computed,
}: StepProps<Extract<Step, { type: "outcome" }>>) {
  const { t } = useTranslation();
  const { actor, flow } = session;
  const shown = computed.filter((c) => step.show?.includes(c.id));
  return (
    <div class="outcome">
      <h1 tabIndex={-1}>{text(step.title)}</h1>
      <h2>{t("wizard:outcome.why")}</h2>
      <p>{text(step.reason)}</p>
      {shown.length > 0 && <ComputedValues flow={flow} values={shown} text={text} />}
      <h2>{t("wizard:outcome.help")}</h2>
      <p>{text(step.alternatives)}</p>
      <h2>{t("wizard:outcome.contact")}</h2>
      <p>{text(step.contact)}</p>
      <DepartmentContact flow={flow} text={text} />
      {step.applyAnyway ? (
        <>
          <p>{t("wizard:outcome.applyAnywayHint")}</p>
          <button type="button" class="button" onClick={() => actor.send({ type: "APPLY_ANYWAY" })}>
            {t("wizard:outcome.applyAnyway")}
          </button>
        </>
      ) : (
        <p>
          <Link href={paths.catalogue()}>{t("wizard:outcome.catalogue")}</Link>
        </p>
      )}
    </div>
  );
}
