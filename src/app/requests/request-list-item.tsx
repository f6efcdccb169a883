import { formatDate, formatTime, localIsoDate } from "../format/format";
import { i18n } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import type { RequestRecord } from "../storage/requests";
import { type RequestState, referenceOf } from "./request-state";

/** Besides the words, each state has its own edge, so the list can be scanned at a glance. */
const TONE: Record<RequestState["kind"], string> = {
  sent: "sent",
  problem: "problem",
  sending: "pending",
  retrying: "pending",
  "waiting-network": "pending",
};

export function RequestListItem({ request, state }: { request: RequestRecord; state: RequestState }) {
  const { t, translateKey, language } = useTranslation();
  // A procedure no longer offered has no texts on the device, but its receipts stay.
  const titleKey = `${request.flowId}:title`;
  const reference = referenceOf(request);
  const created = new Date(request.createdAt);
  const status = (() => {
    switch (state.kind) {
      case "sent":
        return t("requests:state.sent", { date: formatDate(localIsoDate(state.receivedAt), language) });
      case "problem":
        return state.answers ? t("requests:state.problemAnswers") : t("requests:state.problem");
      case "sending":
        return state.document
          ? t("requests:state.sendingDocument", {
              done: state.document.done,
              total: state.document.count,
              percent: state.document.percent,
            })
          : t("requests:state.sending");
      case "retrying":
        return t("requests:state.retrying");
      case "waiting-network":
        return t("requests:state.waitingNetwork");
    }
  })();
  // The link's description says which request it is when two are for the same procedure.
  const referenceId = `request-${request.id}-reference`;
  const statusId = `request-${request.id}-status`;
  return (
    <li class={`request-list__item request-list__item--${TONE[state.kind]}`}>
      <h2 class="request-list__title">
        <Link href={paths.request(request.id)} aria-describedby={`${referenceId} ${statusId}`}>
          {i18n.exists(titleKey) ? translateKey(titleKey) : t("requests:unknownProcedure")}
        </Link>
      </h2>
      <dl class="request-list__facts">
        <div>
          <dt>{reference.official ? t("requests:officialReference") : t("requests:reference")}</dt>
          <dd id={referenceId} class="request-list__reference">
            {reference.value}
          </dd>
        </div>
        <div>
          <dt>{t("requests:created")}</dt>
          <dd>
            {t("requests:createdAt", {
              date: formatDate(localIsoDate(created), language),
              time: formatTime(created, language),
            })}
          </dd>
        </div>
        <div>
          <dt>{t("requests:status")}</dt>
          <dd id={statusId} class="request-list__status">
            {status}
          </dd>
        </div>
      </dl>
    </li>
  );
}
