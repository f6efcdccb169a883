import "../wizard/wizard.css";
/**
 * The receipt of a finished request, and where it stands: ready and waiting for the network,
 * being sent (document 3 of 5, 40 %), sent with the administration's reference, or a problem to
 * act on. Never silently "sending": the live status comes from the sender as it works.
 */
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { useOnline } from "../pwa/use-online";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { type RequestRecord, readRequest, reopenRequest } from "../storage/requests";
import { type LiveStatus, liveStatus, onLiveStatus } from "../sync/sender";

export function RequestPage({ id }: { id: string }) {
  const { t, translateKey, language } = useTranslation();
  const [request, setRequest] = useState<RequestRecord | null | undefined>(undefined);
  const [live, setLive] = useState<LiveStatus | undefined>(() => liveStatus(id));
  const online = useOnline();
  const [cannotReopen, setCannotReopen] = useState(false);
  useEffect(() => {
    const reload = () => void readRequest(id).then((found) => setRequest(found ?? null));
    reload();
    return onLiveStatus(() => {
      const next = liveStatus(id);
      setLive(next);
      if (next?.state === "sent" || next?.state === "problem") reload();
    });
  }, [id]);
  const sent = request?.status === "sent";
  usePageTitle(sent ? t("wizard:request.sentTitle") : t("wizard:request.title"));
  useEffect(() => {
    if (request) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [request?.status]);

  if (request === undefined) return <p role="status">{t("loading")}</p>;
  if (request === null)
    return (
      <>
        <h1 tabIndex={-1}>{t("wizard:request.title")}</h1>
        <p>{t("wizard:request.unknown")}</p>
        <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
      </>
    );

  const created = new Date(request.createdAt);
  const when = (date: Date) => ({
    date: formatDate(localIsoDate(date), language),
    time: formatTime(date, language),
  });
  const status = (() => {
    if (sent) return t("wizard:request.sentOn", when(new Date(request.receivedAt ?? request.createdAt)));
    if (request.status === "problem")
      return request.problem?.code === "invalid_answers"
        ? t("wizard:request.problemAnswers")
        : t("wizard:request.problem");
    if (live?.state === "sending")
      return live.progress.documentsTotal > 0 && live.progress.documentsDone < live.progress.documentsTotal
        ? t("wizard:request.sendingDocument", {
            done: live.progress.documentsDone + 1,
            count: live.progress.documentsTotal,
            percent: Math.round(live.progress.current * 100),
          })
        : t("wizard:request.sending");
    return online ? t("wizard:request.willRetry") : t("wizard:request.waitingNetwork");
  })();

  return (
    <article class="request-page">
      <div class={`panel${sent ? "" : " panel--pending"}`}>
        <h1 tabIndex={-1}>{sent ? t("wizard:request.sentTitle") : t("wizard:request.title")}</h1>
        <p class="panel__reference">
          {sent ? t("wizard:request.officialReference") : t("wizard:request.reference")}
          <br />
          <strong>{sent ? request.reference : request.provisionalReference}</strong>
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
      <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
    </article>
  );
}
