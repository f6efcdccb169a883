/** The procedure's agents by name: whom to hand requests to, and who follows a request. */
import { useEffect, useState } from "preact/hooks";
import type { ColleaguesView } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import { agentColleagues } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";

/** The agents of `flowId`, once the server has named them (empty until then, or if it cannot). */
export function useColleagues(flowId: string | undefined): ColleaguesView {
  const [colleagues, setColleagues] = useState<ColleaguesView>([]);
  useEffect(() => {
    if (!flowId) return;
    let current = true;
    void agentColleagues(flowId).then((answer) => {
      if (current) setColleagues(answer.ok ? answer.value : []);
    });
    return () => {
      current = false;
    };
  }, [flowId]);
  return colleagues;
}

/** Who follows a request, in words: "Personne", "Vous", a colleague's name. */
export function assigneeName(staffId: string | null, me: StaffMe, colleagues: ColleaguesView): string {
  if (staffId === null) return t("agents.assignee.nobody");
  if (staffId === me.id) return t("agents.assignee.me");
  return colleagues.find((colleague) => colleague.id === staffId)?.name ?? t("agents.assignee.colleague");
}
