import "./styles/base.css";
import { render } from "preact";
import { App, loadWizard, procedureNamespaces } from "./app";
import { listenForEarlyLanguageChoice } from "./i18n/early-language-choice";
import { chooseLanguage, i18n, startI18n } from "./i18n/i18n";
import { readLanguagePreference } from "./i18n/language-preference";
import { startCleanOnPost } from "./post/finish";
import { browserSessionIsNew, markBrowserSession, onPost } from "./post/post-mode";
import { startServiceWorker } from "./pwa/service-worker";
import { matchRoute } from "./routing/routes";

interface EarlyWork {
  readonly namespaces: string[];
  /** Settles once what the page shows first is ready: on a procedure page, its session. */
  readonly shown: Promise<unknown>;
}

/**
 * Opened on a procedure's page (a reload, a bookmark, offline on a phone): fetch its code, flow,
 * draft and texts now, alongside the first texts, rather than one after the other.
 */
function prepareRoute(): EarlyWork {
  const route = matchRoute(window.location.pathname);
  if (route.page !== "procedure") return { namespaces: [], shown: Promise.resolve() };
  const { flowId, draftId } = route;
  // The flow (its chunk, parsed and compiled, memoised) would otherwise wait for the wizard's
  // code and the draft's session to ask for it: a third wave of requests before the question.
  const flow = import("./wizard/flows").then((m) => m.loadFlow(flowId));
  const session = loadWizard().then(() =>
    draftId ? import("./wizard/draft-sessions").then((m) => m.openDraft(flowId, draftId)) : undefined,
  );
  // Its failure is the session's to report (offline with no pack says so); not twice.
  flow.catch(() => undefined);
  return { namespaces: procedureNamespaces(route.flowId), shown: session };
}

/**
 * What the first page does not need waits until it shows and the phone is idle: on a slow phone
 * the service worker's registration and the sender would otherwise delay the first question.
 */
function afterFirstPage(shown: Promise<unknown>, task: () => void): void {
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 200);
  void shown.then(idle, idle);
}

/**
 * On a post, before anything opens storage: IndexedDB moves to memory, and a browser that was
 * closed mid-session (its session cookie gone) first wipes what the last person left. A page
 * brought back from the back-forward cache is reloaded, so Back never shows the last person.
 */
async function startPost(): Promise<void> {
  const { keepStorageInMemory } = await import("./storage/post-memory");
  await keepStorageInMemory();
  if (browserSessionIsNew()) {
    await startCleanOnPost();
    markBrowserSession();
  }
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) window.location.reload();
  });
}

async function start(): Promise<void> {
  const stopListening = listenForEarlyLanguageChoice();
  if (onPost()) await startPost();
  const early = prepareRoute();
  // Texts first: rendering before they arrive would flash raw keys.
  await startI18n(readLanguagePreference(), early.namespaces);
  const root = document.getElementById("app");
  if (!root) throw new Error("index.html has no #app element");
  render(<App />, root);
  const tapped = stopListening();
  if (tapped && tapped !== i18n.language) void chooseLanguage(tapped);
  afterFirstPage(early.shown, () => {
    // No service worker (a private window, a browser that refuses it): the app still works online.
    startServiceWorker().catch(() => undefined);
    // Requests finished earlier (maybe offline) leave as soon as possible, after the page shows.
    void import("./sync/sender").then((sender) => sender.startSender());
    // Signed in (now or later): the account's drafts from other devices come in.
    if (!onPost()) void import("./wizard/draft-sessions").then((sessions) => sessions.followAccountDrafts());
  });
}

void start();
