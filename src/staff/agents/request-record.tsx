/** What happened to the request: its history, the messages both ways, what was asked of the person, the private notes. */
import { useState } from "preact/hooks";
import { REQUEST_STATUS_NAMES, type RequestStatusName } from "../../shared/api/account-requests";
import type { AgentRequestView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { addNote, type StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { formatMoment } from "./formats";

interface Props {
  readonly view: AgentRequestView;
  readonly me: StaffMe;
  readonly onDone: (message: string) => Promise<void>;
  readonly onProblem: (problem: StaffProblem) => void;
}

const statusName = (status: string): RequestStatusName | undefined =>
  REQUEST_STATUS_NAMES.find((known) => known === status);

export function RequestRecord({ view, me, onDone, onProblem }: Props) {
  const who = (actor: string) =>
    actor === `staff:${me.id}`
      ? t("agents.history.me")
      : actor.startsWith("staff:")
        ? t("agents.history.colleague")
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
                {t("agents.tasks.entry", { kind: t(`agents.ask.kind.${task.kind}`), text: task.text })}
                {task.documents.length > 0 && (
                  <span class="agents-explanation">
                    {t("agents.tasks.documents", { list: task.documents.map((doc) => doc.label).join(", ") })}
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
                  {message.from === "staff"
                    ? t("agents.messages.fromStaff")
                    : t("agents.messages.fromCitizen")}
                </strong>
                <span class="agents-explanation">{message.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Notes view={view} onDone={onDone} onProblem={onProblem} />
    </>
  );
}

function Notes({ view, onDone, onProblem }: Omit<Props, "me">) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await addNote(view.request.id, text);
    setBusy(false);
    if (!answer.ok) return onProblem(answer.problem);
    setText("");
    await onDone(t("agents.notes.added"));
  };
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
      <form class="staff-form" onSubmit={(event) => void onSubmit(event)}>
        <label for="note-text">{t("agents.notes.label")}</label>
        <textarea
          id="note-text"
          rows={3}
          maxLength={5000}
          required
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={busy}>
          {t("agents.notes.add")}
        </button>
      </form>
    </section>
  );
}
