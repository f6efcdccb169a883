/**
 * The staff pages: which page the address names, whether the person is signed in and may open
 * it. Signed out, every page but the sign-in leads to the sign-in, and back after it.
 */
import { useEffect } from "preact/hooks";
import { usePath } from "../app/routing/router";
import type { StaffMe } from "../shared/api/staff";
import { AccountsPage } from "./admin/accounts-page";
import { QueuePage } from "./agents/queue-page";
import { RequestPage } from "./agents/request-page";
import { t } from "./i18n/staff-i18n";
import { HomePage } from "./layout/home-page";
import { StaffLayout } from "./layout/staff-layout";
import { BoardPage } from "./mediation/board-page";
import { agentRequestIdOf, mayOpen, type StaffPage, staffPageOf } from "./routing/staff-routes";
import { SignInPage } from "./sign-in/sign-in-page";
import { askToSignIn, useStaffSession } from "./sign-in/staff-session";
import { StatisticsPage } from "./statistics/statistics-page";

function PageOf({ page, path, me }: { page: Exclude<StaffPage, "sign-in">; path: string; me: StaffMe }) {
  switch (page) {
    case "home":
      return <HomePage />;
    case "admin":
      return <AccountsPage />;
    case "board":
      return <BoardPage />;
    case "statistics":
      return <StatisticsPage />;
    case "agents":
      return <QueuePage me={me} />;
    case "agent-request":
      return <RequestPage id={agentRequestIdOf(path) ?? ""} me={me} />;
    case "not-found":
      return (
        <>
          <h1>{t("notFound.title")}</h1>
          <p>{t("notFound.text")}</p>
        </>
      );
  }
}

export function StaffApp() {
  const path = usePath();
  const session = useStaffSession();
  const page = staffPageOf(path);
  const needsSignIn = page !== "sign-in" && session.status === "signed-out";

  useEffect(() => {
    if (needsSignIn) askToSignIn(path);
  }, [needsSignIn, path]);

  if (session.status === "unreachable")
    return (
      <main class="page">
        <p class="notice notice--error" role="alert">
          {t("errors.network")}
        </p>
      </main>
    );
  if (page === "sign-in") return <SignInPage />;
  if (session.status !== "signed-in") return null;
  return (
    <StaffLayout me={session.me} path={path}>
      {mayOpen(page, session.me.roles) ? (
        <PageOf page={page} path={path} me={session.me} />
      ) : (
        <>
          <h1>{t("forbidden.title")}</h1>
          <p>{t("forbidden.text")}</p>
        </>
      )}
    </StaffLayout>
  );
}
