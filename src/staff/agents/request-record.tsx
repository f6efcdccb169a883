/** What happened to the request: its history, the messages both ways, what was asked of the person, the private notes. */
import { useState } from "preact/hooks";
import { REQUEST_STATUS_NAMES, type RequestStatusName } from "../../shared/api/account-requests";
import type { AgentRequestView, ColleaguesView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { addNote, agentDocumentPath, type Outcome, type StaffProblem, sendMessage } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { formatMoment } from "./formats";

interface Props {
  readonly view: AgentRequestView;
  readonly me: StaffMe;
  readonly colleagues: ColleaguesView;
  readonly onDone: (message: string) => Promise<void>;
  readonly onProblem: (problem: StaffProblem) => void;
}

const statusName = (status: string): RequestStatusName | undefined =>
  REQUEST_STATUS_NAMES.find((known) => known === status);

export function RequestRecord({ view, me, colleagues, onDone, onProblem }: Props) {
  const who = (actor: string) =>
    actor === `staff:${me.id}`
      ? t("agents.history.me")
      : actor.startsWith("staff:")
        ? (colleagues.find((c) => `staff:${c.id}` === actor)?.name ?? t("agents.history.colleague"))
        : t("agents.history.citizen");
  return (
    <>
      <section class="staff-section" aria-labelledby="history-title">
        <h2 id="history-title">{t("agents.history.title")}</h2>
        {view.history.length === 0 ? (
          <p>{t("agents.history.none")}</p>
        ) : (
          <ol class="agents-list">
            {view.history.map((entry) => {
              // An answer the person corrected: no status changed, the entry says what did.
              if (entry.action === "correct_answers")
                return (
                  <li key={`${entry.at}-${entry.action}-${entry.reason}`}>
                    <strong>{formatMoment(entry.at)}</strong>{" "}
                    {t("agents.history.corrected", { who: who(entry.actor) })}
                    <span class="agents-explanation">{entry.reason}</span>
                  </li>
                );
              const to = statusName(entry.toStatus);
              return (
                <li key={`${entry.at}-${entry.action}`}>
                  <strong>{formatMoment(entry.at)}</strong>{" "}
                  {t("agents.history.entry", {
                    who: who(entry.actor),
                    status: to ? t(`agents.status.${to}`) : entry.toStatus,
                  })}
                  {entry.reason && (
                    <span class="agents-explanation">
                      {t("agents.history.reason", { reason: entry.reason })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
      <section class="staff-section" aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t("agents.tasks.title")}</h2>
        {view.tasks.length === 0 ? (
          <p>{t("agents.tasks.none")}</p>
        ) : (
          <ul class="agents-list">
            {view.tasks.map((task) => (
              <li key={task.id}>
                <strong>{formatMoment(task.at)}</strong>{" "}
                {task.text
                  ? t("agents.tasks.entry", { kind: t(`agents.ask.kind.${task.kind}`), text: task.text })
                  : t(`agents.ask.kind.${task.kind}`)}
                {task.documents.length > 0 && (
                  <span class="agents-explanation">
                    {t("agents.tasks.documents", { list: task.documents.map((doc) => doc.label).join(", ") })}
                  </span>
                )}
                {task.questions && task.questions.length > 0 && (
                  <span class="agents-explanation">
                    {t("agents.tasks.questions", { list: task.questions.map((q) => q.label).join(", ") })}
                  </span>
                )}
                <span class="agents-explanation">
                  {task.answeredAt
                    ? t("agents.tasks.answered", { at: formatMoment(task.answeredAt) })
                    : t("agents.tasks.waiting")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Messages view={view} onDone={onDone} onProblem={onProblem} />
      <Notes view={view} onDone={onDone} onProblem={onProblem} />
    </>
  );
}

/**
 * The messages both ways, oldest first, and the agent's answer. What the person joined to a
 * message is one of the request's documents, opened from here. An agent's message carries
 * words only: the person is sent no file by the province here (a decision's letter goes by the
 * department's own channel).
 */
function Messages({ view, onDone, onProblem }: Omit<Props, "me" | "colleagues">) {
  const documentName = (uploadId: string) => {
    const position = view.documents.findIndex((doc) => doc.uploadId === uploadId);
    const doc = view.documents[position];
    return doc && t("agents.documents.name", { label: doc.label, position: position + 1 });
  };
  return (
    <section class="staff-section" aria-labelledby="messages-title">
      <h2 id="messages-title">{t("agents.messages.title")}</h2>
      {view.messages.length === 0 ? (
        <p>{t("agents.messages.none")}</p>
      ) : (
        <ul class="agents-list">
          {view.messages.map((message) => (
            <li key={message.id}>
              <strong>
                {formatMoment(message.at)},{" "}
                {message.from === "staff" ? t("agents.messages.fromStaff") : t("agents.messages.fromCitizen")}
              </strong>
              <span class="agents-explanation agents-message">{message.text}</span>
              {message.attachments.length > 0 && (
                <ul class="agents-attachments" aria-label={t("agents.messages.attachments")}>
                  {message.attachments.map((uploadId) => {
                    const name = documentName(uploadId);
                    return (
                      <li key={uploadId}>
                        {name ? (
                          <a
                            href={agentDocumentPath(view.request.id, uploadId)}
                            target="_blank"
                            rel="noopener"
                          >
                            {t("agents.documents.open", { name })}
                          </a>
                        ) : (
                          t("agents.messages.attachmentMissing")
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <WrittenForm
        id="message-text"
        label={t("agents.messages.label")}
        hint={t("agents.messages.hint")}
        submit={t("agents.messages.send")}
        send={(text) => sendMessage(view.request.id, text.trim())}
        done={t("agents.messages.sent")}
        onDone={onDone}
        onProblem={onProblem}
      />
    </section>
  );
}

function Notes({ view, onDone, onProblem }: Omit<Props, "me" | "colleagues">) {
  return (
    <section class="staff-section" aria-labelledby="notes-title">
      <h2 id="notes-title">{t("agents.notes.title")}</h2>
      <p class="staff-hint">{t("agents.notes.hint")}</p>
      {view.notes.length > 0 && (
        <ul class="agents-list">
          {view.notes.map((note) => (
            <li key={note.id}>
              <strong>{formatMoment(note.at)}</strong>
              <span class="agents-explanation">{note.text}</span>
            </li>
          ))}
        </ul>
      )}
      <WrittenForm
        id="note-text"
        label={t("agents.notes.label")}
        submit={t("agents.notes.add")}
        send={(text) => addNote(view.request.id, text)}
        done={t("agents.notes.added")}
        onDone={onDone}
        onProblem={onProblem}
      />
    </section>
  );
}

interface WrittenFormProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly submit: string;
  readonly send: (text: string) => Promise<Outcome<undefined>>;
  /** Said once it is sent. */
  readonly done: string;
  readonly onDone: Props["onDone"];
  readonly onProblem: Props["onProblem"];
}

/** A few lines written to the request (a message to the person, a private note), then sent. */
function WrittenForm({ id, label, hint, submit, send, done, onDone, onProblem }: WrittenFormProps) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await send(text);
    setBusy(false);
    if (!answer.ok) return onProblem(answer.problem);
    setText("");
    await onDone(done);
  };
  return (
    <form class="staff-form" onSubmit={(event) => void onSubmit(event)}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="staff-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        rows={3}
        maxLength={5000}
        required
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" class="button" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}
