/**
 * The messages about a sent request, on its receipt: the province's and the person's, readable
 * offline once fetched, and a box to write back. A message written offline is kept on the device
 * and shown as not sent yet; the sender sends it once when the network returns.
 */
import { useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import type { RequestRecord } from "../../storage/requests";
import { sendAnswerWhenOnline } from "../../sync/exchanges";
import { AnswerStatus } from "./answer-status";
import type { RequestExchanges } from "./use-exchanges";

export function RequestMessages({ request, talk }: { request: RequestRecord; talk: RequestExchanges }) {
  const { t, language } = useTranslation();
  const [text, setText] = useState("");
  const [empty, setEmpty] = useState(false);
  // Only once the server has said this device may read the request's exchanges.
  if (!talk.exchanges) return null;
  const when = (iso: string) => {
    const at = new Date(iso);
    return { date: formatDate(localIsoDate(at), language), time: formatTime(at, language) };
  };
  const messages = talk.exchanges.messages;
  const waiting = talk.answers.filter((answer) => !answer.taskId && answer.status !== "sent");
  const send = async (event: Event) => {
    event.preventDefault();
    if (text.trim() === "") {
      setEmpty(true);
      document.getElementById("message-text")?.focus();
      return;
    }
    await sendAnswerWhenOnline({
      requestId: request.id,
      flowId: request.flowId,
      flowVersion: request.flowVersion,
      documents: [],
      text: text.trim(),
    });
    setText("");
    talk.reload();
  };
  return (
    <section class="request-messages" aria-labelledby="messages-heading">
      <h2 id="messages-heading">{t("exchanges:messages.heading")}</h2>
      {messages.length === 0 && waiting.length === 0 ? (
        <p>{t("exchanges:messages.none")}</p>
      ) : (
        <ol class="message-list">
          {messages.map((message) => (
            <li key={message.id} class={`message message--${message.from}`}>
              <p class="message__meta">
                {message.from === "staff"
                  ? t("exchanges:messages.fromProvince", when(message.at))
                  : t("exchanges:messages.fromYou", when(message.at))}
              </p>
              <p class="message__text">{message.text}</p>
            </li>
          ))}
          {waiting.map((answer) => (
            <li key={answer.clientId} class="message message--citizen">
              <p class="message__meta">{t("exchanges:messages.fromYou", when(answer.createdAt))}</p>
              <p class="message__text">{answer.text}</p>
              <AnswerStatus answer={answer} onRetry={talk.reload} />
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(event) => void send(event)} noValidate>
        <label class="question__label" for="message-text">
          {t("exchanges:messages.label")}
        </label>
        {empty && (
          <p class="error-message" id="message-error">
            {t("exchanges:messages.empty")}
          </p>
        )}
        <textarea
          id="message-text"
          class="input input--longText"
          rows={4}
          maxLength={5000}
          value={text}
          aria-describedby={empty ? "message-error" : undefined}
          aria-invalid={empty ? true : undefined}
          onInput={(event) => {
            setEmpty(false);
            setText(event.currentTarget.value);
          }}
        />
        <button type="submit" class="button">
          {t("exchanges:messages.send")}
        </button>
      </form>
    </section>
  );
}
