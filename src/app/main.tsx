import "./styles/base.css";
import { namespaces } from "virtual:flow-catalogue";
import { render } from "preact";
import { App, loadWizard, procedureNamespaces } from "./app";
import { startI18n } from "./i18n/i18n";
import { readLanguagePreference } from "./i18n/language-preference";
import { startServiceWorker } from "./pwa/service-worker";
import { matchRoute } from "./routing/routes";

/**
 * Opened on a procedure's page (a reload, a bookmark, offline on a phone): fetch its code, flow,
 * draft and texts now, alongside the first texts, rather than one after the other.
 */
function prepareRoute(): string[] {
  const route = matchRoute(window.location.pathname);
  if (route.page !== "procedure") return [];
  void loadWizard().then(() => import("./wizard/session").then((m) => m.openSession(route.flowId)));
  return procedureNamespaces(route.flowId);
}

async function start(): Promise<void> {
  const early = prepareRoute();
  // Texts first: rendering before they arrive would flash raw keys.
  await startI18n(readLanguagePreference(), [...namespaces, ...early]);
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app element");
  render(<App />, root);
  void startServiceWorker();
  // Requests finished earlier (maybe offline) leave as soon as possible, after the page shows.
  void import("./sync/sender").then((sender) => sender.startSender());
}

void start();
