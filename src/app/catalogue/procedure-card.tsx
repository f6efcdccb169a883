import type { Procedure } from "virtual:flow-catalogue";
import { formatNumber } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";

export function ProcedureCard({ procedure }: { procedure: Procedure }) {
  const { t, translateKey, language } = useTranslation();
  const params = Object.fromEntries(
    Object.entries(procedure.parameters).map(([id, value]) => [
      id,
      typeof value === "number" ? formatNumber(value, language) : value,
    ]),
  );
  const flowText = (key: string) => translateKey(key, { params });
  const headingId = `procedure-${procedure.id}`;
  return (
    <article class="procedure-card" aria-labelledby={headingId}>
      <h2 id={headingId} class="procedure-card__title">
        <Link href={paths.procedure(procedure.id)}>{flowText(procedure.title)}</Link>
      </h2>
      <p class="procedure-card__summary">{flowText(procedure.summary)}</p>
      <dl class="procedure-card__facts">
        <div>
          <dt>{t("catalogue.audience")}</dt>
          <dd>{flowText(procedure.audience)}</dd>
        </div>
        <div>
          <dt>{t("catalogue.duration")}</dt>
          <dd>{t("catalogue.minutes", { count: procedure.estimatedMinutes })}</dd>
        </div>
        <div>
          <dt>{t("catalogue.department")}</dt>
          <dd>{flowText(procedure.department)}</dd>
        </div>
      </dl>
      {/* The title's link alone is a small target on a phone. Each card's button is named
          "Commencer" and described by its card's title, which screen readers read with it. */}
      <Link
        class="button button--start procedure-card__start"
        href={paths.procedure(procedure.id)}
        aria-describedby={headingId}
      >
        {t("catalogue.start")}
      </Link>
    </article>
  );
}
