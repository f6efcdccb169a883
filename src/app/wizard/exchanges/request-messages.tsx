import "../fields/fields.css";
/**
 * The messages about a sent request, on its receipt: the province's and the person's, with the
 * files joined to them, readable offline once fetched, and a box to write back with documents
 * if need be (the wizard's document field: photos shrunk, type checked, bytes kept on the
 * device). A message written offline is kept on the device and shown as not sent yet; the sender
 * sends it once, its documents first, when the network returns.
 */
import { useEffect, useState } from "preact/hooks";
import {
  MESSAGE_ATTACHMENT_DOCUMENT,
  MESSAGE_ATTACHMENT_FIELD,
} from "../../../shared/api/message-attachments";
import { type DocumentRef, isDocumentRef } from "../../../shared/engine/validate";
import { formatDate, formatTime, localIsoDate } from "../../format/format";
import { i18n } from "../../i18n/i18n";
import { useTranslation } from "../../i18n/use-translation";
import type { RequestRecord } from "../../storage/requests";
import { sendAnswerWhenOnline } from "../../sync/exchanges";
import { DocumentField } from "../fields/document-field";
import { deviceFiles } from "../file-store";
import { AnswerStatus } from "./answer-status";
import { MessageFiles } from "./message-files";
import type { RequestExchanges } from "./use-exchanges";

export function RequestMessages({ request, talk }: { request: RequestRecord; talk: RequestExchanges }) {
  const { t, language } = useTranslation();
  const [text, setText] = useState("");
  const [joined, setJoined] = useState<unknown>();
  const [empty, setEmpty] = useState(false);
  const [fieldTexts, setFieldTexts] = useState(false);
  useEffect(() => {
    void i18n.loadNamespaces("fields").then(
      () => setFieldTexts(true),
      () => undefined,
    );
  }, []);
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
    const refs: DocumentRef[] = Array.isArray(joined) ? joined.filter(isDocumentRef) : [];
    await sendAnswerWhenOnline({
      requestId: request.id,
      flowId: request.flowId,
      flowVersion: request.flowVersion,
      documents: refs.map((ref) => ({ fieldId: MESSAGE_ATTACHMENT_FIELD, ref })),
      text: text.trim(),
    });
    setText("");
    setJoined(undefined);
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
              <MessageFiles requestId={request.id} files={message.attachments} />
            </li>
          ))}
          {waiting.map((answer) => (
            <li key={answer.clientId} class="message message--citizen">
              <p class="message__meta">{t("exchanges:messages.fromYou", when(answer.createdAt))}</p>
              <p class="message__text">{answer.text}</p>
              {answer.documents.length > 0 && (
                <ul class="message__files" aria-label={t("exchanges:messages.files")}>
                  {answer.documents.map(({ ref }) => (
                    <li key={ref.id}>{ref.name}</li>
                  ))}
                </ul>
              )}
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
        {fieldTexts && (
          <fieldset class="question__fieldset">
            <legend class="question__legend">{t("exchanges:messages.join")}</legend>
            <DocumentField
              field={MESSAGE_ATTACHMENT_DOCUMENT}
              id="message-documents"
              value={joined}
              onChange={setJoined}
              files={deviceFiles}
              text={(key) => i18n.t(key as never)}
            />
          </fieldset>
        )}
        <button type="submit" class="button">
          {t("exchanges:messages.send")}
        </button>
      </form>
    </section>
  );
}
