/**
 * Where one of the person's answers stands, in the words of a request's own status: kept on the
 * device until there is network, being sent (document 1 of 2), sent, or refused with what to do.
 */
import { useTranslation } from "../../i18n/use-translation";
import { useOnline } from "../../pwa/use-online";
import type { AnswerRecord } from "../../storage/answers";
import { retryAnswer } from "../../storage/answers-of-request";
import { liveStatus, sendNow } from "../../sync/sender";

export function AnswerStatus({ answer, onRetry }: { answer: AnswerRecord; onRetry: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  if (answer.status === "sent") return <p class="notice notice--info">{t("exchanges:answer.sent")}</p>;
  if (answer.status === "problem")
    return (
      <div class="notice notice--error">
        <p>
          {answer.problem === "not_found" ? t("exchanges:answer.notOwner") : t("exchanges:answer.problem")}
        </p>
        <button
          type="button"
          class="button"
          onClick={() =>
            void retryAnswer(answer.clientId).then(() => {
              onRetry();
              void sendNow();
            })
          }
        >
          {t("exchanges:answer.retry")}
        </button>
      </div>
    );
  const live = liveStatus(answer.clientId);
  const words =
    live?.state === "sending"
      ? live.progress.documentsTotal > 0 && live.progress.documentsDone < live.progress.documentsTotal
        ? t("exchanges:answer.sendingDocument", {
            done: live.progress.documentsDone + 1,
            total: live.progress.documentsTotal,
          })
        : t("exchanges:answer.sending")
      : online
        ? t("exchanges:answer.willRetry")
        : t("exchanges:answer.waitingNetwork");
  return (
    <p class="notice notice--info" role="status">
      {words}
    </p>
  );
}
