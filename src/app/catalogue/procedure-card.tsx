import type { Procedure } from "virtual:flow-catalogue";
import { useTranslation } from "../i18n/use-translation";

export function ProcedureCard({ procedure }: { procedure: Procedure }) {
  const { t, translateKey } = useTranslation();
  const headingId = `procedure-${procedure.id}`;
  return (
    <article class="procedure-card" aria-labelledby={headingId}>
      <h2 id={headingId} class="procedure-card__title">
        {translateKey(procedure.title)}
      </h2>
      <p class="procedure-card__summary">{translateKey(procedure.summary)}</p>
      <dl class="procedure-card__facts">
        <div>
          <dt>{t("catalogue.audience")}</dt>
          <dd>{translateKey(procedure.audience)}</dd>
        </div>
        <div>
          <dt>{t("catalogue.duration")}</dt>
          <dd>{t("catalogue.minutes", { count: procedure.estimatedMinutes })}</dd>
        </div>
        <div>
          <dt>{t("catalogue.department")}</dt>
          <dd>{translateKey(procedure.department)}</dd>
        </div>
      </dl>
    </article>
  );
}
