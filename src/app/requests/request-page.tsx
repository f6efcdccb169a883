import { onPost } from "../post/post-mode";
import "../wizard/wizard.css";
import "./requests.css";
/**
 * The receipt of a finished request, and where it stands: ready and waiting for the network,
 * being sent (document 3 of 5, 40 %), sent with the administration's reference, or a problem to
 * act on. Never silently "sending": the live status comes from the sender as it works.
 */
import { useEffect, useState } from "preact/hooks";
import { procedureTitleKey } from "../catalogue/procedure-title";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { useOnline } from "../pwa/use-online";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { readRequest } from "../storage/requests";
import { followRequest } from "../sync/account-requests";
import { useSignedInHint } from "../sync/signed-in-hint";
import { reopen } from "../wizard/draft-sessions";
import { DepartmentContactOf } from "../wizard/parts/department-contact-of";
import { RequestExchangesSection } from "./request-exchanges";
import { referenceOf } from "./request-state";
import { NextStep, useStandingWords } from "./standing-words";
import { useLiveRequests } from "./use-live-requests";

/** Only a post shows it, and it carries a QR code encoder: loaded there alone, not on every phone. */
function LazyPostReceipt(props: { requestId: string; reference: string }) {
  const [Receipt, setReceipt] = useState<typeof import("../post/post-receipt").PostReceipt>();
  useEffect(() => {
    void import("../post/post-receipt").then((m) => setReceipt(() => m.PostReceipt));
  }, []);
  return Receipt ? <Receipt {...props} /> : null;
}

const readOne = (id: string) => readRequest(id).then((found) => (found ? [found] : []));

export function RequestPage({ id }: { id: string }) {
  const { t, translateKey, language } = useTranslation();
  const online = useOnline();
  const signedIn = useSignedInHint();
  const standingWords = useStandingWords();
  const [followed, setFollowed] = useState(0);
  const { requests, stateOf } = useLiveRequests(() => readOne(id), `${id}:${followed}`);
  const request = requests && (requests[0] ?? null);
  const sentNow = request?.status === "sent";
  // Online, a sent request's receipt asks the server where it stands, and keeps the answer.
  useEffect(() => {
    if (!online || !sentNow || !request) return;
    let current = true;
    void followRequest(request).then((done) => {
      if (done && current) setFollowed((n) => n + 1);
    });
    return () => {
      current = false;
    };
  }, [id, online, sentNow]);
  const [cannotReopen, setCannotReopen] = useState(false);
  const sent = request?.status === "sent";
  usePageTitle(
    request === null
      ? t("wizard:request.unknownTitle")
      : sent
        ? t("wizard:request.sentTitle")
        : t("wizard:request.title"),
  );
  useEffect(() => {
    if (request) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [request?.status]);

  if (request === undefined) return <p role="status">{t("loading")}</p>;
  if (request === null)
    return (
      <article class="request-page">
        <h1 tabIndex={-1}>{t("wizard:request.unknownTitle")}</h1>
        <p>{t("wizard:request.unknown")}</p>
        <Link href={paths.requests()}>{t("requests:seeAll")}</Link>
        <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
      </article>
    );

  const created = new Date(request.createdAt);
  const when = (date: Date) => ({
    date: formatDate(localIsoDate(date), language),
    time: formatTime(date, language),
  });
  const state = stateOf(request);
  const words = state.kind === "sent" ? standingWords(state.receivedAt, state.standing) : undefined;
  const status = (() => {
    switch (state.kind) {
      case "sent":
        return t("wizard:request.sentOn", when(state.receivedAt));
      case "problem":
        return state.answers ? t("wizard:request.problemAnswers") : t("wizard:request.problem");
      case "sending":
        return state.document
          ? t("wizard:request.sendingDocument", state.document)
          : t("wizard:request.sending");
      case "retrying":
        return t("wizard:request.willRetry");
      case "waiting-network":
        return t("wizard:request.waitingNetwork");
    }
  })();
  const reference = referenceOf(request);

  return (
    <article class="request-page">
      <div class={`panel${sent ? "" : " panel--pending"}`}>
        <h1 tabIndex={-1}>{sent ? t("wizard:request.sentTitle") : t("wizard:request.title")}</h1>
        <p class="panel__reference">
          {reference.official ? t("wizard:request.officialReference") : t("wizard:request.reference")}
          <br />
          <strong>{reference.value}</strong>
        </p>
      </div>
      {onPost() && sent && <LazyPostReceipt requestId={request.id} reference={reference.value} />}
      <p class={`notice${request.status === "problem" ? " notice--error" : " notice--info"}`} role="status">
        {status}
      </p>
      {request.problem?.code === "invalid_answers" && (
        <button
          type="button"
          class="button"
          onClick={() =>
            void reopen(request.id).then((draft) => {
              if (draft) navigate(paths.draft(draft.flowId, draft.draftId));
              else setCannotReopen(true);
            })
          }
        >
          {t("wizard:request.fix")}
        </button>
      )}
      {cannotReopen && <p class="notice notice--error">{t("wizard:request.fixBlocked")}</p>}
      {/* Received is what the line above says; any later status is said here, with its reason. */}
      {words && (
        <NextStep
          words={words}
          status={
            state.kind === "sent" &&
            state.standing?.status !== undefined &&
            state.standing.status !== "received"
          }
        />
      )}
      <RequestExchangesSection request={request} />
      <p>{sent ? t("wizard:request.sentHint") : t("wizard:request.referenceHint")}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("wizard:request.procedure")}</dt>
          <dd>{translateKey(procedureTitleKey(request.flowId) ?? "requests:unknownProcedure")}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t("wizard:request.created")}</dt>
          <dd>{t("wizard:request.createdAt", when(created))}</dd>
        </div>
      </dl>
      <DepartmentContactOf flowId={request.flowId} heading={t("departmentContact.heading")} level={2} />
      {!signedIn && (
        <section class="request-follow" aria-labelledby="follow-heading">
          <h2 id="follow-heading">{t("requests:follow.heading")}</h2>
          <p>{t("requests:follow.intro")}</p>
          <Link href={paths.signIn()}>{t("requests:follow.link")}</Link>
        </section>
      )}
      <Link href={paths.requests()}>{t("requests:seeAll")}</Link>
      <Link href={paths.catalogue()}>{t("wizard:request.catalogue")}</Link>
    </article>
  );
}
