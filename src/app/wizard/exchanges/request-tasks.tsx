/**
 * What the province asks of the person about a sent request, on its receipt: each task (named
 * documents, a correction, or the documents they chose to send later) with the agent's words,
 * then either the form to answer it, where the answer stands on its way, or when they answered.
 */
import { useEffect, useState } from "preact/hooks";
import type { TaskView } from "../../../shared/api/agents";
import { formatDate, localIsoDate } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import type { AnswerRecord } from "../../storage/answers";
import type { RequestRecord } from "../../storage/requests";
import { AnswerStatus } from "./answer-status";
import type { RequestExchanges } from "./use-exchanges";

type FormComponent = typeof import("./task-answer-form").TaskAnswerForm;

/** The form carries the wizard's fields: loaded when a task waits, not with every receipt. */
function LazyTaskAnswerForm(props: {
  request: RequestRecord;
  task: TaskView;
  onRecorded: () => void;
  refused?: AnswerRecord | undefined;
}) {
  const { t } = useTranslation();
  const [Form, setForm] = useState<FormComponent>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void import("./task-answer-form").then(
      (m) => setForm(() => m.TaskAnswerForm),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p class="notice notice--info">{t("exchanges:tasks.needsNetwork")}</p>;
  return Form ? <Form {...props} /> : null;
}

function TaskItem({
  request,
  task,
  answer,
  reload,
}: {
  request: RequestRecord;
  task: TaskView;
  answer: AnswerRecord | undefined;
  reload: () => void;
}) {
  const { t, language } = useTranslation();
  const date = (iso: string) => formatDate(localIsoDate(new Date(iso)), language);
  const headingId = `task-${task.id}-heading`;
  // Corrected answers the server would not take: the person changes them and sends again.
  const refused =
    answer?.status === "problem" && answer.problem === "invalid_corrections" ? answer : undefined;
  const title =
    task.origin === "later"
      ? t("exchanges:tasks.later", { count: task.documents.length })
      : task.kind === "documents"
        ? t("exchanges:tasks.documents", { count: task.documents.length })
        : t("exchanges:tasks.correction");
  return (
    <section class="request-task" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {task.origin === "agent" && (
        <>
          <p class="request-task__asked">{t("exchanges:tasks.askedOn", { date: date(task.at) })}</p>
          <p class="request-task__text">
            <strong>{t("exchanges:tasks.agentSays")}</strong> {task.text}
          </p>
        </>
      )}
      {task.documents.length > 0 && (
        <ul class="checklist">
          {task.documents.map((doc) => (
            <li key={doc.fieldId} class={task.answeredAt ? "checklist__item--done" : "checklist__item--todo"}>
              {doc.label}
            </li>
          ))}
        </ul>
      )}
      {task.answeredAt ? (
        <p class="notice notice--info">{t("exchanges:tasks.answered", { date: date(task.answeredAt) })}</p>
      ) : answer && !refused ? (
        <AnswerStatus answer={answer} onRetry={reload} />
      ) : (
        <>
          {refused && (
            <p class="notice notice--error" role="alert">
              {t("exchanges:answer.invalidCorrections")}
            </p>
          )}
          <LazyTaskAnswerForm
            key={refused?.clientId}
            request={request}
            task={task}
            onRecorded={reload}
            refused={refused}
          />
        </>
      )}
    </section>
  );
}

export function RequestTasks({ request, talk }: { request: RequestRecord; talk: RequestExchanges }) {
  const { t } = useTranslation();
  const tasks = talk.exchanges?.tasks ?? [];
  if (tasks.length === 0) return null;
  const open = tasks.filter((task) => !task.answeredAt).length;
  return (
    <section class="request-tasks" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">
        {open > 0 ? t("exchanges:tasks.heading", { count: open }) : t("exchanges:tasks.headingDone")}
      </h2>
      {tasks.map((task) => (
        <TaskItem
          key={task.id}
          request={request}
          task={task}
          // The latest answer made here: a refused one stays until the person tries again.
          answer={talk.answers.filter((a) => a.taskId === task.id).at(-1)}
          reload={talk.reload}
        />
      ))}
    </section>
  );
}
