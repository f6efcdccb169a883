/**
 * /agents/demandes/<id>: one request as its agent reads it — the answers in the flow's review
 * sections, the computed values with how they were worked out, the eligibility estimate, the
 * documents shown in the page, the history, the messages, what was asked of the person, the
 * private notes — and the actions on it (request-actions.tsx). Every read is audited by the server.
 */
import { useCallback, useEffect, useState } from "preact/hooks";
import { Link } from "../../app/routing/link";
import type { AgentRequestView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { agentArchivePath, agentRequest, type StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { staffPaths } from "../routing/staff-routes";
import { ActionNotices } from "./action-notices";
import { assigneeName, useColleagues } from "./colleagues";
import { formatDay } from "./formats";
import { problemText } from "./problem-text";
import { RequestActions } from "./request-actions";
import { RequestAudit } from "./request-audit";
import { RequestDocuments } from "./request-documents";
import { RequestRecord } from "./request-record";

import "./agents.css";

export function RequestPage({ id, me }: { id: string; me: StaffMe }) {
  const [view, setView] = useState<AgentRequestView>();
  const [problem, setProblem] = useState<StaffProblem>();
  const [done, setDone] = useState("");
  const colleagues = useColleagues(view?.request.flowId);
  usePageTitle(view ? t("agents.request.title", { reference: view.request.reference }) : t("loading"));

  const load = useCallback(async () => {
    const answer = await agentRequest(id);
    if (answer.ok) setView(answer.value);
    else setProblem(answer.problem);
  }, [id]);

  useEffect(() => void load(), [load]);

  const onDone = async (message: string) => {
    setProblem(undefined);
    setDone(message);
    await load();
  };

  const back = (
    <p>
      <Link href={staffPaths.agents} class="back-link">
        {t("agents.request.back")}
      </Link>
    </p>
  );
  if (!view)
    return (
      <>
        {back}
        {problem ? (
          <>
            <h1>{t("agents.request.unavailable")}</h1>
            <p class="notice notice--error" role="alert">
              {problemText(problem)}
            </p>
          </>
        ) : (
          <p>{t("loading")}</p>
        )}
      </>
    );

  const { request } = view;
  const assignee = assigneeName(request.assignedStaffId, me, colleagues);
  return (
    <>
      {back}
      <h1>{t("agents.request.title", { reference: request.reference })}</h1>
      <p class="agents-flow">{view.flowTitle}</p>
      <dl class="agents-facts">
        <div>
          <dt>{t("agents.table.status")}</dt>
          <dd data-testid="request-status">{t(`agents.status.${request.status}`)}</dd>
        </div>
        <div>
          <dt>{t("agents.table.received")}</dt>
          <dd>{formatDay(request.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t("agents.table.name")}</dt>
          <dd>{request.applicantName ?? t("agents.unknown")}</dd>
        </div>
        <div>
          <dt>{t("agents.table.commune")}</dt>
          <dd>{request.commune ?? t("agents.unknown")}</dd>
        </div>
        <div>
          <dt>{t("agents.table.assignee")}</dt>
          <dd data-testid="request-assignee">{assignee}</dd>
        </div>
        <div>
          <dt>{t("agents.request.estimate")}</dt>
          <dd>{request.estimate ? t(`agents.estimate.${request.estimate}`) : t("agents.unknown")}</dd>
        </div>
      </dl>
      <ActionNotices done={done} problem={problem} />
      <RequestActions view={view} me={me} colleagues={colleagues} onDone={onDone} onProblem={setProblem} />
      <section class="staff-section" aria-labelledby="answers-title">
        <h2 id="answers-title">{t("agents.request.answers")}</h2>
        {view.sections.map((section) => (
          <section key={section.title} class="agents-answers">
            <h3>{section.title}</h3>
            <dl>
              {section.rows.map((row) => (
                <div key={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </section>
      {view.computed.length > 0 && (
        <section class="staff-section" aria-labelledby="computed-title">
          <h2 id="computed-title">{t("agents.request.computed")}</h2>
          <dl class="agents-answers">
            {view.computed.map((value) => (
              <div key={value.id}>
                <dt>{value.label}</dt>
                <dd>
                  <strong>{value.value}</strong>
                  <span class="agents-explanation">{value.explanation}</span>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <RequestDocuments id={view.request.id} documents={view.documents} />
      <RequestRecord view={view} me={me} colleagues={colleagues} onDone={onDone} onProblem={setProblem} />
      <RequestAudit view={view} me={me} colleagues={colleagues} onProblem={setProblem} />
      <p>
        <a href={agentArchivePath(view.request.id)} download>
          {t("agents.request.archive")}
        </a>
      </p>
    </>
  );
}
