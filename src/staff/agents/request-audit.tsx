/**
 * The request's audit trail, for a supervisor of its procedure: every read and every action,
 * who, when and from which session, as the server keeps it (never edited), and the same as a
 * CSV file to hand on. Loaded when the supervisor asks, as reading it is not processing it.
 */
import { useState } from "preact/hooks";
import {
  type AgentRequestView,
  AUDIT_ACTIONS,
  type AuditRowView,
  type ColleaguesView,
} from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { agentAudit, agentAuditCsvPath, type StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { TableScroll } from "../layout/table-scroll";
import { formatMoment } from "./formats";

interface Props {
  readonly view: AgentRequestView;
  readonly me: StaffMe;
  readonly colleagues: ColleaguesView;
  readonly onProblem: (problem: StaffProblem) => void;
}

export function RequestAudit({ view, me, colleagues, onProblem }: Props) {
  const [entries, setEntries] = useState<AuditRowView[]>();
  if (!me.roles.includes("supervisor")) return null;
  const show = async () => {
    const answer = await agentAudit(view.request.id);
    if (answer.ok) setEntries(answer.value);
    else onProblem(answer.problem);
  };
  const who = (staffId: string) =>
    staffId === me.id
      ? t("agents.assignee.me")
      : (colleagues.find((c) => c.id === staffId)?.name ??
        t("agents.audit.staff", { id: staffId.slice(0, 8) }));
  const action = (name: string) => {
    const known = AUDIT_ACTIONS.find((one) => one === name);
    return known ? t(`agents.audit.actions.${known}`) : name;
  };
  return (
    <section class="staff-section" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("agents.audit.title")}</h2>
      <p class="staff-hint">{t("agents.audit.hint")}</p>
      <p>
        <a href={agentAuditCsvPath(view.request.id)} download>
          {t("agents.audit.csv")}
        </a>
      </p>
      {entries === undefined ? (
        <button type="button" class="button" onClick={() => void show()}>
          {t("agents.audit.show")}
        </button>
      ) : (
        <TableScroll label={t("agents.audit.caption")}>
          <table class="staff-table">
            <caption class="visually-hidden">{t("agents.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("agents.audit.at")}</th>
                <th scope="col">{t("agents.audit.who")}</th>
                <th scope="col">{t("agents.audit.action")}</th>
                <th scope="col">{t("agents.audit.detail")}</th>
                <th scope="col">{t("agents.audit.session")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{formatMoment(entry.at)}</td>
                  <td>{who(entry.staffId)}</td>
                  <td>{action(entry.action)}</td>
                  <td>{entry.detail ?? ""}</td>
                  <td>{entry.sessionId.slice(0, 8)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
