import { useEffect } from "preact/hooks";
import { CataloguePage } from "./catalogue/catalogue-page";
import { useTranslation } from "./i18n/use-translation";
import { LazyPage } from "./layout/lazy-page";
import { NotFoundPage } from "./layout/not-found-page";
import { SiteHeader } from "./layout/site-header";
import { FinishedPage } from "./post/finished-page";
import { PostBar } from "./post/post-bar";
import { onPost } from "./post/post-mode";
import { OfflineBanner } from "./pwa/offline-banner";
import { UpdateBanner } from "./pwa/update-banner";
import { Link } from "./routing/link";
import { usePath } from "./routing/router";
import { matchRoute, paths, type Route } from "./routing/routes";

export const loadWizard = () => import("./wizard/wizard-route").then((m) => m.WizardRoute);
/** Texts a procedure's pages read: its own, and the wizard's. */
export const procedureNamespaces = (flowId: string) => ["wizard", "fields", "errors", "glossary", flowId];
const loadRequests = () => import("./requests/my-requests-page").then((m) => m.MyRequestsPage);
const loadRequest = () => import("./requests/request-page").then((m) => m.RequestPage);
const loadSignIn = () => import("./account/sign-in-page").then((m) => m.SignInPage);
const loadAccount = () => import("./account/account-page").then((m) => m.AccountPage);
const loadHandoffSend = () => import("./handoff/handoff-send-page").then((m) => m.HandoffSendPage);
const loadHandoffReceive = () => import("./handoff/handoff-receive-page").then((m) => m.HandoffReceivePage);
const loadHelp = () => import("./help/help-page").then((m) => m.HelpPage);

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (route.page === "catalogue") document.title = t("app.name");
  }, [route, t]);
  switch (route.page) {
    case "catalogue":
      return <CataloguePage />;
    case "procedure":
      return (
        <LazyPage
          key={route.flowId}
          load={loadWizard}
          namespaces={procedureNamespaces(route.flowId)}
          props={{
            flowId: route.flowId,
            draftId: route.draftId,
            step: route.step,
            legacyStep: route.legacyStep,
          }}
        />
      );
    case "requests":
      return <LazyPage load={loadRequests} namespaces={["requests"]} props={{}} />;
    case "request":
      // Keyed: another receipt starts afresh (its own "cannot reopen" notice, its own focus).
      return (
        <LazyPage
          key={route.id}
          load={loadRequest}
          namespaces={["wizard", "requests"]}
          props={{ id: route.id }}
        />
      );
    case "help":
      return <LazyPage load={loadHelp} namespaces={[]} props={{}} />;
    case "sign-in":
      return <LazyPage load={loadSignIn} namespaces={["account"]} props={{}} />;
    case "account":
      return <LazyPage load={loadAccount} namespaces={["account", "requests"]} props={{}} />;
    case "finished":
      return <FinishedPage />;
    case "handoff-send":
      return (
        <LazyPage
          key={route.draftId}
          load={loadHandoffSend}
          namespaces={["handoff"]}
          props={{ draftId: route.draftId }}
        />
      );
    case "handoff-receive":
      return <LazyPage load={loadHandoffReceive} namespaces={["handoff"]} props={{}} />;
    case "not-found":
      return <NotFoundPage />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = matchRoute(usePath());
  return (
    <>
      <a class="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <SiteHeader />
      {onPost() && <PostBar />}
      <OfflineBanner />
      <UpdateBanner />
      <main id="main" class="page" tabIndex={-1}>
        <Page route={route} />
      </main>
      <footer class="site-footer">
        <Link href={paths.help()}>{t("help.link")}</Link>
      </footer>
    </>
  );
}
