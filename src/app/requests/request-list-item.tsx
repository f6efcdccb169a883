import { procedureTitleKey } from "../catalogue/procedure-title";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import type { RequestRecord } from "../storage/requests";
import { OpenTasks } from "./open-tasks";
import { type RequestState, referenceOf } from "./request-state";
import { NextStep, useStandingWords } from "./standing-words";

/** Besides the words, each state has its own edge, so the list can be scanned at a glance. */
const TONE: Record<RequestState["kind"], string> = {
  sent: "sent",
  problem: "problem",
  sending: "pending",
  retrying: "pending",
  "waiting-network": "pending",
};

/** A sent request the province refused, closed, or waits on the person for, stands out too. */
function toneOf(state: RequestState): string {
  if (state.kind !== "sent" || !state.standing) return TONE[state.kind];
  const status = state.standing.status;
  if (status === "refused" || status === "closed") return "problem";
  return status === "awaiting_citizen" ? "pending" : "sent";
}

export function RequestListItem({ request, state }: { request: RequestRecord; state: RequestState }) {
  const { t, translateKey, language } = useTranslation();
  const standingWords = useStandingWords();
  const words = state.kind === "sent" ? standingWords(state.receivedAt, state.standing) : undefined;
  // A procedure no longer offered has no texts on the device, but its receipts stay.
  const titleKey = procedureTitleKey(request.flowId);
  const reference = referenceOf(request);
  const created = new Date(request.createdAt);
  // Once the province's exchanges are here, the documents kept for later are one of its tasks.
  const due = request.openTasks ? 0 : (request.documentsDue?.length ?? 0);
  const status = (() => {
    switch (state.kind) {
      case "sent":
        return words?.status ?? "";
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
    <li class={`request-list__item request-list__item--${toneOf(state)}`}>
      <h2 class="request-list__title">
        <Link href={paths.request(request.id)} aria-describedby={`${referenceId} ${statusId}`}>
          {titleKey ? translateKey(titleKey) : t("requests:unknownProcedure")}
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
      {due > 0 && <p class="request-list__due">{t("requests:stillDue", { count: due })}</p>}
      {request.openTasks && <OpenTasks tasks={request.openTasks} />}
      {request.fromAccount && <p class="request-list__device">{t("requests:fromAccount")}</p>}
      {words && <NextStep words={words} />}
    </li>
  );
}
