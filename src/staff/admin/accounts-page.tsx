/** /personnel/admin (administrators): every staff account with its roles, and ending its sessions. */
import { useCallback, useEffect, useState } from "preact/hooks";
import type { StaffAccountsList } from "../../shared/api/staff";
import { endSessionsOf, type StaffProblem, staffAccounts } from "../api/staff-api";
import { t } from "../i18n/staff-i18n";
import { usePageTitle } from "../layout/staff-layout";
import { TableScroll } from "../layout/table-scroll";

export function AccountsPage() {
  const [accounts, setAccounts] = useState<StaffAccountsList>();
  const [problem, setProblem] = useState<StaffProblem>();
  const [ended, setEnded] = useState<string>();
  usePageTitle(t("admin.title"));

  const load = useCallback(async () => {
    const answer = await staffAccounts();
    if (answer.ok) setAccounts(answer.value);
    else setProblem(answer.problem);
  }, []);

  useEffect(() => void load(), [load]);

  const endSessions = async (id: string, name: string) => {
    const answer = await endSessionsOf(id);
    if (!answer.ok) return setProblem(answer.problem);
    setProblem(undefined);
    setEnded(name);
    await load();
  };

  return (
    <>
      <h1>{t("admin.title")}</h1>
      <p class="notice notice--info" role="status">
        {ended ? t("admin.ended", { name: ended }) : ""}
      </p>
      {problem && (
        <p class="notice notice--error" role="alert">
          {problem === "network" ? t("errors.network") : t("errors.unexpected")}
        </p>
      )}
      {accounts === undefined ? (
        !problem && <p>{t("loading")}</p>
      ) : (
        <TableScroll label={t("admin.caption")}>
          <table class="staff-table">
            <caption class="visually-hidden">{t("admin.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.name")}</th>
                <th scope="col">{t("admin.email")}</th>
                <th scope="col">{t("admin.roles")}</th>
                <th scope="col">{t("admin.sessions")}</th>
                <th scope="col">{t("admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id}>
                  <th scope="row">
                    {account.name}
                    {account.disabled && <span class="staff-tag">{t("admin.disabled")}</span>}
                  </th>
                  <td>{account.email}</td>
                  <td>{account.roles.map((role) => t(`roles.${role}`)).join(", ")}</td>
                  <td>{t("admin.openSessions", { count: account.openSessions })}</td>
                  <td>
                    <button
                      type="button"
                      class="button"
                      disabled={account.openSessions === 0}
                      aria-label={t("admin.endSessionsOf", { name: account.name, email: account.email })}
                      onClick={() => void endSessions(account.id, account.name)}
                    >
                      {t("admin.endSessions")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
