/**
 * A sent request's status in plain words, and what happens next: the same sentences on the list
 * and on the receipt. Without a status from the server (sent without an account, never
 * followed), it was received, and nothing more is known.
 */
import { formatDate, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import type { Standing } from "./request-state";

export function useStandingWords() {
  const { t, language } = useTranslation();
  return (receivedAt: Date, standing: Standing | undefined) => {
    const status = standing?.status ?? "received";
    const date = formatDate(localIsoDate(standing?.changedAt ?? receivedAt), language);
    const reason = standing?.reason;
    return {
      // Never fetched: it was received, and nothing more is known (not that nobody opened it).
      status: standing
        ? t(`requests:standing.${status}.status`, { date })
        : t("requests:state.sent", { date }),
      next: t(`requests:standing.${status}.next`),
      reason:
        reason === undefined
          ? undefined
          : status === "awaiting_citizen"
            ? t("requests:reason.awaiting_citizen", { reason })
            : t("requests:reason.decision", { reason }),
    };
  };
}

/**
 * "Et ensuite ?" and the reason the province gave, under a request's status; `status` repeats
 * where it stands first (the receipt's own line says when it was received).
 */
export function NextStep({
  words,
  status = false,
}: {
  words: ReturnType<ReturnType<typeof useStandingWords>>;
  status?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div class="request-next">
      {status && <p class="request-next__status">{words.status}</p>}
      {words.reason && <p class="request-next__reason">{words.reason}</p>}
      <p>
        <strong>{t("requests:next")}</strong> {words.next}
      </p>
    </div>
  );
}
