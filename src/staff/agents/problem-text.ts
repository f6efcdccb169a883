/** What a refused call means for the agent, in plain words. */
import type { StaffProblem } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";

export function problemText(problem: StaffProblem): string {
  switch (problem) {
    case "network":
      return t("errors.network");
    case "not_found":
      return t("agents.problems.not_found");
    case "not_an_agent_of_procedure":
      return t("agents.problems.not_an_agent_of_procedure");
    case "reason_required":
      return t("agents.problems.reason_required");
    case "transition_not_allowed":
      return t("agents.problems.transition_not_allowed");
    case "note_empty":
      return t("agents.problems.note_empty");
    case "ask_text_required":
      return t("agents.problems.ask_text_required");
    case "ask_documents_required":
      return t("agents.problems.ask_documents_required");
    case "attachment_too_large":
    case "attachment_type":
    case "attachment_unsafe":
    case "attachment_unreadable":
    case "too_many_attachments":
    case "unknown_question_field":
      return t(`agents.problems.${problem}`);
    default:
      return t("errors.unexpected");
  }
}
