/**
 * Assigning the filtered queue in one go: to whom, how many (the queue's total, at most the
 * server's limit, oldest first), confirmed before it is sent, and how many were assigned.
 */
import { useState } from "preact/hooks";
import { BULK_ASSIGN_LIMIT, type ColleaguesView, type QueueNameView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { bulkAssign, type StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { ActionNotices } from "./action-notices";

interface Props {
  readonly procedure: string;
  readonly queue: QueueNameView;
  /** The API's query string: the filters the agent sees applied. */
  readonly apiSearch: string;
  readonly total: number;
  readonly me: StaffMe;
  readonly colleagues: ColleaguesView;
  /** After an assignment, to load the queue again. */
  readonly onAssigned: () => void;
}

export function QueueBulkAssign({ procedure, queue, apiSearch, total, me, colleagues, onAssigned }: Props) {
  const [to, setTo] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState("");
  const [problem, setProblem] = useState<StaffProblem>();
  const count = Math.min(total, BULK_ASSIGN_LIMIT);
  const name = (id: string) =>
    id === me.id ? t("agents.bulk.me", { name: me.name }) : (colleagues.find((c) => c.id === id)?.name ?? "");
  const send = async () => {
    const answer = await bulkAssign(procedure, queue, apiSearch, to);
    setConfirming(false);
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(undefined);
    setDone(t("agents.bulk.done", { count: answer.value, name: name(to) }));
    setTo("");
    onAssigned();
  };
  if (colleagues.length === 0 || (total === 0 && done === "")) return null;
  return (
    <section class="staff-section agents-bulk" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t("agents.bulk.title")}</h2>
      <ActionNotices done={done} problem={problem} />
      {total > 0 && (
        <form
          class="staff-form"
          onSubmit={(event) => {
            event.preventDefault();
            setDone("");
            setConfirming(true);
          }}
        >
          <fieldset class="agents-fieldset" disabled={confirming}>
            <legend class="visually-hidden">{t("agents.bulk.title")}</legend>
            <label for="bulk-to">{t("agents.bulk.to")}</label>
            <select id="bulk-to" required value={to} onChange={(event) => setTo(event.currentTarget.value)}>
              <option value="">{t("agents.bulk.choose")}</option>
              {colleagues.map((colleague) => (
                <option key={colleague.id} value={colleague.id}>
                  {name(colleague.id)}
                </option>
              ))}
            </select>
            {total > BULK_ASSIGN_LIMIT && (
              <p class="staff-hint">{t("agents.bulk.limit", { limit: BULK_ASSIGN_LIMIT })}</p>
            )}
            <button type="submit" class="button">
              {t("agents.bulk.submit", { count })}
            </button>
          </fieldset>
          {confirming && (
            <fieldset class="confirm">
              <legend>{t("agents.bulk.confirm", { count, name: name(to) })}</legend>
              <button type="button" class="button" onClick={() => void send()}>
                {t("agents.bulk.yes")}
              </button>
              <button type="button" class="link-button" onClick={() => setConfirming(false)}>
                {t("agents.bulk.cancel")}
              </button>
            </fieldset>
          )}
        </form>
      )}
    </section>
  );
}
