/**
 * The start page of a procedure: what it is for, who can apply, what to prepare, how long it
 * takes; the drafts of it on this device, whose each is; and a button that starts a new one.
 */
import { useState } from "preact/hooks";
import type { Flow } from "../../shared/flow/schema";
import { DraftList } from "../catalogue/draft-list";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { OfflineReady } from "../pwa/offline-ready";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { useSignedInHint } from "../sync/signed-in-hint";
import { startDraft } from "./draft-sessions";
import { flowText } from "./flow-text";

export function StartPage({ flow }: { flow: Flow }) {
  const { t, language } = useTranslation();
  const text = flowText(flow, language);
  const [drafts, setDrafts] = useState(0);
  const signedIn = useSignedInHint();
  const title = text(flow.title);
  usePageTitle(title);
  const toConfirm = Object.values(flow.parameters).some((p) => p.toConfirm);
  const begin = () =>
    void startDraft(flow.id).then((session) => {
      if (session) navigate(paths.step(flow.id, session.draftId, flow.start));
    });

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
      <OfflineReady flowId={flow.id} />
      <DraftList flowId={flow.id} titleOf={(id) => (id === flow.id ? title : undefined)} onList={setDrafts} />
      <button type="button" class="button button--start" onClick={begin}>
        {drafts > 0 ? t("wizard:start.beginAnother") : t("wizard:start.begin")}
      </button>
      {/* Offered, never asked for: the procedure works the same without an account. */}
      {!signedIn && (
        <p class="start-page__account">
          {t("wizard:start.account")} <Link href={paths.signIn()}>{t("wizard:start.accountLink")}</Link>
        </p>
      )}
    </article>
  );
}
