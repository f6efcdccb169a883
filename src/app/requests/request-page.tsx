import "../wizard/wizard.css";
import "./requests.css";
/**
 * The receipt of a finished request, and where it stands: ready and waiting for the network,
 * being sent (document 3 of 5, 40 %), sent with the administration's reference, or a problem to
 * act on. Never silently "sending": the live status comes from the sender as it works.
 */
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { readRequest, reopenRequest } from "../storage/requests";
import { referenceOf } from "./request-state";
import { useLiveRequests } from "./use-live-requests";

const readOne = (id: string) => readRequest(id).then((found) => (found ? [found] : []));

export function RequestPage({ id }: { id: string }) {
  const { t, translateKey, language } = useTranslation();
  const { requests, stateOf } = useLiveRequests(() => readOne(id), id);
  const request = requests && (requests[0] ?? null);
  const [cannotReopen, setCannotReopen] = useState(false);
  const sent = request?.status === "sent";
  usePageTitle(sent ? t("wizard:request.sentTitle") : t("wizard:request.title"));
  useEffect(() => {
    if (request) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [request?.status]);

  if (request === undefined) return <p role="status">{t("loading")}</p>;
  if (request === null)
    return (
      <article class="request-page">
        <h1 tabIndex={-1}>{t("wizard:request.title")}</h1>
        <p>{t("wizard:request.unknown")}</p>
        <Link href={paths.requests()}>{t("requests:seeAll")}</Link>
        <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
      </article>
    );

  const created = new Date(request.createdAt);
  const when = (date: Date) => ({
    date: formatDate(localIsoDate(date), language),
    time: formatTime(date, language),
  });
  const state = stateOf(request);
  const status = (() => {
    switch (state.kind) {
      case "sent":
        return t("wizard:request.sentOn", when(state.receivedAt));
      case "problem":
        return state.answers ? t("wizard:request.problemAnswers") : t("wizard:request.problem");
      case "sending":
        return state.document
          ? t("wizard:request.sendingDocument", state.document)
          : t("wizard:request.sending");
      case "retrying":
        return t("wizard:request.willRetry");
      case "waiting-network":
        return t("wizard:request.waitingNetwork");
    }
  })();
  const reference = referenceOf(request);

  return (
    <article class="request-page">
      <div class={`panel${sent ? "" : " panel--pending"}`}>
        <h1 tabIndex={-1}>{sent ? t("wizard:request.sentTitle") : t("wizard:request.title")}</h1>
        <p class="panel__reference">
          {reference.official ? t("wizard:request.officialReference") : t("wizard:request.reference")}
          <br />
          <strong>{reference.value}</strong>
        </p>
      </div>
      <p class={`notice${request.status === "problem" ? " notice--error" : " notice--info"}`} role="status">
        {status}
      </p>
      {request.problem?.code === "invalid_answers" && (
        <button
          type="button"
          class="button"
          onClick={() =>
            void reopenRequest(request.id).then((flowId) => {
              if (flowId) navigate(paths.procedure(flowId));
              else setCannotReopen(true);
            })
          }
        >
          {t("wizard:request.fix")}
        </button>
      )}
      {cannotReopen && <p class="notice notice--error">{t("wizard:request.fixBlocked")}</p>}
      <p>{sent ? t("wizard:request.sentHint") : t("wizard:request.referenceHint")}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("wizard:request.procedure")}</dt>
          <dd>{translateKey(`${request.flowId}:title`)}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("wizard:request.created")}</dt>
          <dd>{t("wizard:request.createdAt", when(created))}</dd>
        </div>
      </dl>
      <Link href={paths.requests()}>{t("requests:seeAll")}</Link>
      <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
    </article>
  );
}
