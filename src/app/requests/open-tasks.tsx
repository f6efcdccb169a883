/**
 * Under a request in "Mes démarches": one line for each thing the province still asks, from the
 * request's record (its exchanges, once fetched, write it there: storage/exchanges.ts), so the
 * person sees what to do without opening every receipt, offline too. An answer made here and
 * not yet with the province says so instead.
 */
import { useTranslation } from "../i18n/use-translation";
import type { OpenTask } from "../storage/requests";

export function OpenTasks({ tasks }: { tasks: readonly OpenTask[] }) {
  const { t } = useTranslation();
  if (tasks.length === 0) return null;
  const line = (task: OpenTask) => {
    if (task.answeredHere) return t("requests:tasks.answeredHere");
    if (task.kind === "correction") return t("requests:tasks.correction");
    const values = { count: task.documents.length, documents: task.documents.join(", ") };
    return task.later ? t("requests:tasks.later", values) : t("requests:tasks.documents", values);
  };
  return (
    <ul class="request-list__tasks">
      {tasks.map((task) => (
        <li key={task.id}>{line(task)}</li>
      ))}
    </ul>
  );
}
