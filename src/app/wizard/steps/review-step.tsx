/**
 * "Vérifiez vos réponses" (GOV.UK check answers): every answer on the path taken, grouped by
 * section, each with "Modifier", which brings the person back here after the change.
 */
import { documentsChecklist } from "../../../shared/engine/documents";
import { reviewSections } from "../../../shared/engine/review";
import type { Step } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { AnswerValue } from "../parts/answer-value";
import { ComputedValues } from "../parts/computed-values";
import { useSelector } from "../use-selector";
import { NextForm } from "./next-form";
import type { StepProps } from "./step-props";

export function ReviewStep({ session, step, text, computed }: StepProps<Extract<Step, { type: "review" }>>) {
  const { t } = useTranslation();
  const { actor, flow } = session;
  const answers = useSelector(actor, (s) => s.context.answers);
  const documents = documentsChecklist(flow, answers);
  const shown = computed.filter((c) => c.value !== undefined);

  return (
    <NextForm actor={actor}>
      <h1 tabIndex={-1}>{text(step.title)}</h1>
      {step.intro && <p class="lead">{text(step.intro)}</p>}
      {reviewSections(flow, answers).map((section) => (
        <section key={section.title} class="review-section">
          <h2>{text(section.title)}</h2>
          <dl class="summary-list">
            {section.rows.map((row) => (
              <div key={row.field.id} class="summary-list__row">
                <dt>{text(row.field.label)}</dt>
                <dd>
                  <AnswerValue
                    flow={flow}
                    field={row.field}
                    value={row.value}
                    answers={answers}
                    text={text}
                  />
                </dd>
                <dd class="summary-list__action">
                  <button
                    type="button"
                    class="link-button"
                    aria-label={t("wizard:review.changeWhat", { label: text(row.field.label) })}
                    onClick={() => actor.send({ type: "EDIT", step: row.step })}
                  >
                    {t("wizard:review.change")}
                  </button>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {shown.length > 0 && (
        <section class="review-section">
          <h2>{t("wizard:review.computedHeading")}</h2>
          <ComputedValues flow={flow} values={shown} text={text} />
        </section>
      )}
      {documents.length > 0 && (
        <section class="review-section">
          <h2>{t("wizard:review.documentsHeading")}</h2>
          <ul class="checklist">
            {documents.map((doc) => (
              <li key={doc.id} class={doc.provided ? "checklist__item--done" : "checklist__item--todo"}>
                {t("wizard:review.documentStatus", {
                  document: text(doc.label),
                  status: doc.provided
                    ? t("wizard:review.documentProvided")
                    : doc.later
                      ? t("wizard:review.documentLater")
                      : t("wizard:review.documentMissing"),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="submit" class="button">
        {t("wizard:review.continue")}
      </button>
    </NextForm>
  );
}
