/** The start page of a procedure: what it is for, who can apply, what to prepare, how long it takes. */
import { currentStep } from "../../shared/engine/machine";
import { progressOf } from "../../shared/engine/path";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { flowText } from "./flow-text";
import type { WizardSession } from "./session";
import { useSelector } from "./use-selector";

export function StartPage({ session }: { session: WizardSession }) {
  const { t, language } = useTranslation();
  const { flow, actor } = session;
  const text = flowText(flow, language);
  const step = useSelector(actor, currentStep);
  const started = useSelector(actor, (s) => Object.keys(s.context.answers).length > 0);
  const progress = progressOf(flow, actor.getSnapshot().context.answers, step);
  const title = text(flow.title);
  usePageTitle(title);
  const toConfirm = Object.values(flow.parameters).some((p) => p.toConfirm);

  return (
    <article class="start-page">
      <h1 tabIndex={-1}>{title}</h1>
      <p class="lead">{text(flow.summary)}</p>
      <h2>{t("wizard:start.who")}</h2>
      <p>{text(flow.audience)}</p>
      <h2>{t("wizard:start.prepare")}</h2>
      <ul>
        {flow.prepare.map((key) => (
          <li key={key}>{text(key)}</li>
        ))}
      </ul>
      <p>{t("wizard:start.duration", { count: flow.estimatedMinutes })}</p>
      <p>{t("wizard:start.department", { department: text(flow.department) })}</p>
      {toConfirm && <p class="notice">{t("wizard:start.toConfirm")}</p>}
      <p class="notice notice--info">{t("wizard:start.savedOnDevice")}</p>
      {started && progress.step > 0 && <p>{t("wizard:start.resumeAt", progress)}</p>}
      <Link class="button button--start" href={paths.step(flow.id, step)} role="button">
        {started ? t("wizard:start.resume") : t("wizard:start.begin")}
      </Link>
    </article>
  );
}
