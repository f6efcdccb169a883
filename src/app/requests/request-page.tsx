import "../wizard/wizard.css";
/** The receipt of a finished request: its provisional number, when it was made, and that it is not sent yet. */
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { type RequestRecord, readRequest } from "../storage/requests";

export function RequestPage({ id }: { id: string }) {
  const { t, translateKey, language } = useTranslation();
  const [request, setRequest] = useState<RequestRecord | null | undefined>(undefined);
  useEffect(() => {
    void readRequest(id).then((found) => setRequest(found ?? null));
  }, [id]);
  usePageTitle(t("wizard:request.title"));
  useEffect(() => {
    if (request) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [request]);

  if (request === undefined) return <p role="status">{t("wizard:loading")}</p>;
  if (request === null)
    return (
      <>
        <h1 tabIndex={-1}>{t("wizard:request.title")}</h1>
        <p>{t("wizard:request.unknown")}</p>
        <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
      </>
    );
  const created = new Date(request.createdAt);
  return (
    <article class="request-page">
      <div class="panel">
        <h1 tabIndex={-1}>{t("wizard:request.title")}</h1>
        <p class="panel__reference">
          {t("wizard:request.reference")}
          <br />
          <strong>{request.provisionalReference}</strong>
        </p>
      </div>
      <p class="notice">{t("wizard:request.notSent")}</p>
      <p>{t("wizard:request.referenceHint")}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("wizard:request.procedure")}</dt>
          <dd>{translateKey(`${request.flowId}:title`)}</dd>
        </div>
      </dl>
      <p>
        {t("wizard:request.createdAt", {
          date: formatDate(localIsoDate(created), language),
          time: formatTime(created, language),
        })}
      </p>
      <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
    </article>
  );
}
