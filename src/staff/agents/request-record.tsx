/** What happened to the request: its history, the messages both ways, what was asked of the person, the private notes. */
import { useState } from "preact/hooks";
import { REQUEST_STATUS_NAMES, type RequestStatusName } from "../../shared/api/account-requests";
import type { AgentRequestView, ColleaguesView } from "../../shared/api/agents";
import {
  MESSAGE_ATTACHMENT_MAX_BYTES,
  MESSAGE_ATTACHMENT_TYPES,
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES,
} from "../../shared/api/message-attachments";
import type { StaffMe } from "../../shared/api/staff";
import {
  addNote,
  agentAttachmentPath,
  agentDocumentPath,
  type Outcome,
  type StaffProblem,
  sendMessage,
} from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { formatMoment, formatSize } from "./formats";

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
 * The messages both ways, oldest first, each with the files joined to it (the person's, opened as
 * the request's documents they are, and the agent's own, saved), and the agent's answer, with files if
 * need be: PDF or JPEG/PNG photos, checked here for size and type before anything is sent and
 * again by the server, which re-encodes photos.
 */
function Messages({ view, onDone, onProblem }: Omit<Props, "me" | "colleagues">) {
  // The person's files are among the request's documents: named as the documents list names them.
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
                  {message.attachments.map((file, index) => {
                    const asDocument = documentName(file.id);
                    return (
                      <li key={file.id}>
                        {asDocument ? (
                          <a
                            href={agentDocumentPath(view.request.id, file.id)}
                            target="_blank"
                            rel="noopener"
                          >
                            {t("agents.documents.open", { name: asDocument })}
                          </a>
                        ) : (
                          <a
                            href={agentAttachmentPath(view.request.id, file.id)}
                            download={file.name || undefined}
                          >
                            {t("agents.messages.attachment", {
                              name: file.name || t("agents.messages.unnamed", { position: index + 1 }),
                              size: formatSize(file.size),
                            })}
                          </a>
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
      <MessageForm view={view} onDone={onDone} onProblem={onProblem} />
    </section>
  );
}

const ACCEPT = MESSAGE_ATTACHMENT_TYPES.join(",");

/** The agent's message, with the files they choose (several at once, or one after another). */
function MessageForm({ view, onDone, onProblem }: Omit<Props, "me" | "colleagues">) {
  const [text, setText] = useState("");
  const [files, setFiles] = useState<readonly File[]>([]);
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choose = (chosen: readonly File[]) => {
    const all = [...files, ...chosen];
    const problem =
      all.length > MESSAGE_ATTACHMENTS_MAX
        ? t("agents.problems.too_many_attachments")
        : chosen.some((file) => !(MESSAGE_ATTACHMENT_TYPES as readonly string[]).includes(file.type))
          ? t("agents.problems.attachment_type")
          : chosen.some((file) => file.size > MESSAGE_ATTACHMENT_MAX_BYTES) ||
              all.reduce((sum, file) => sum + file.size, 0) > MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES
            ? t("agents.problems.attachment_too_large")
            : undefined;
    setRefused(problem);
    if (!problem) setFiles(all);
  };
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await sendMessage(view.request.id, text.trim(), files);
    setBusy(false);
    if (!answer.ok) return onProblem(answer.problem);
    setText("");
    setFiles([]);
    await onDone(t("agents.messages.sent"));
  };
  return (
    <form class="staff-form" onSubmit={(event) => void onSubmit(event)}>
      <label for="message-text">{t("agents.messages.label")}</label>
      <p class="staff-hint" id="message-text-hint">
        {t("agents.messages.hint")}
      </p>
      <textarea
        id="message-text"
        aria-describedby="message-text-hint"
        rows={3}
        maxLength={5000}
        required
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <label for="message-files">{t("agents.messages.files")}</label>
      <p class="staff-hint" id="message-files-hint">
        {t("agents.messages.filesHint")}
      </p>
      {refused && (
        <p class="notice notice--error" role="alert">
          {refused}
        </p>
      )}
      <input
        id="message-files"
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby="message-files-hint"
        onChange={(event) => {
          choose([...(event.currentTarget.files ?? [])]);
          event.currentTarget.value = "";
        }}
      />
      {files.length > 0 && (
        <ul class="agents-attachments" aria-label={t("agents.messages.chosen")}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {t("agents.messages.attachment", { name: file.name, size: formatSize(file.size) })}{" "}
              <button
                type="button"
                class="link-button"
                onClick={() => setFiles(files.filter((_, i) => i !== index))}
              >
                {t("agents.messages.remove", { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="submit" class="button" disabled={busy}>
        {t("agents.messages.send")}
      </button>
    </form>
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
  readonly submit: string;
  readonly send: (text: string) => Promise<Outcome<undefined>>;
  /** Said once it is sent. */
  readonly done: string;
  readonly onDone: Props["onDone"];
  readonly onProblem: Props["onProblem"];
}

/** A few lines written to the request (a private note), then sent. */
function WrittenForm({ id, label, submit, send, done, onDone, onProblem }: WrittenFormProps) {
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
      <textarea
        id={id}
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
