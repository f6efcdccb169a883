/**
 * Where one of the person's answers stands, in the words of a request's own status: kept on the
 * device until there is network, being sent (document 1 of 2), sent, or refused with what to do.
 */
import { useTranslation } from "../i18n/use-translation";
import { useOnline } from "../pwa/use-online";
import { type AnswerRecord, retryAnswer } from "../storage/answers";
import { liveStatus, sendNow } from "../sync/sender";

export function AnswerStatus({ answer, onRetry }: { answer: AnswerRecord; onRetry: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  if (answer.status === "sent") return <p class="notice notice--info">{t("requests:answer.sent")}</p>;
  if (answer.status === "problem")
    return (
      <div class="notice notice--error">
        <p>{answer.problem === "not_found" ? t("requests:answer.notOwner") : t("requests:answer.problem")}</p>
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
          {t("requests:answer.retry")}
        </button>
      </div>
    );
  const live = liveStatus(answer.clientId);
  const words =
    live?.state === "sending"
      ? live.progress.documentsTotal > 0 && live.progress.documentsDone < live.progress.documentsTotal
        ? t("requests:answer.sendingDocument", {
            done: live.progress.documentsDone + 1,
            total: live.progress.documentsTotal,
          })
        : t("requests:answer.sending")
      : online
        ? t("requests:answer.willRetry")
        : t("requests:answer.waitingNetwork");
  return (
    <p class="notice notice--info" role="status">
      {words}
    </p>
  );
}
