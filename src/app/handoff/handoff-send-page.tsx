/**
 * /continuer/<draft>: "Continuer sur un autre appareil". The draft and its documents are sealed
 * here with a new secret, only the ciphertext goes to the server, and the page shows the link
 * (as a QR code) and the code to type: both carry the secret, which the server never gets.
 * Signed in, the account carries the draft instead (account-handoff.tsx).
 */
import "../wizard/wizard.css";
import "./handoff.css";
import { procedures } from "virtual:flow-catalogue";
import { useEffect, useRef, useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { personNameOf } from "../catalogue/person-name";
import { procedureTitleKey } from "../catalogue/procedure-title";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import type { Language } from "../i18n/languages";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { type DraftRecord, loadDraft } from "../storage/drafts";
import { HandoffApiError, type LeaveProblem, leavePackage } from "../sync/handoff-api";
import { useSignedInHint } from "../sync/signed-in-hint";
import { AccountHandoff } from "./account-handoff";
import { encrypt } from "./crypto";
import { codeOf, groupsOf, type HandoffCode, linkOf, randomSecret } from "./handoff-code";
import { packDraft } from "./package";

type State =
  | { readonly kind: "ready" }
  | { readonly kind: "working" }
  | { readonly kind: "made"; readonly code: HandoffCode; readonly expiresAt: string }
  | { readonly kind: "failed"; readonly problem: LeaveProblem | "gone" };

export function HandoffSendPage({ draftId }: { draftId: string }) {
  const { t, translateKey, language } = useTranslation();
  usePageTitle(t("handoff:send.title"));
  const [draft, setDraft] = useState<DraftRecord | null | undefined>(undefined);
  const [state, setState] = useState<State>({ kind: "ready" });
  const signedIn = useSignedInHint();
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    loadDraft(draftId).then(
      (found) => setDraft(found ?? null),
      () => setDraft(null),
    );
  }, [draftId]);
  useEffect(() => {
    if (state.kind === "made" || state.kind === "failed") result.current?.focus();
  }, [state.kind]);

  async function make() {
    setState({ kind: "working" });
    try {
      const plain = await packDraft(draftId);
      if (!plain) {
        setState({ kind: "failed", problem: "gone" });
        return;
      }
      const secret = randomSecret();
      const created = await leavePackage(await encrypt(plain, secret));
      setState({ kind: "made", code: codeOf(created.locator, secret), expiresAt: created.expiresAt });
    } catch (error) {
      setState({ kind: "failed", problem: error instanceof HandoffApiError ? error.problem : "unknown" });
    }
  }

  const titleKey = draft ? procedureTitleKey(draft.flowId) : undefined;
  const fields = draft ? (procedures.find((p) => p.id === draft.flowId)?.personName ?? []) : [];
  const person = draft ? personNameOf(fields, draft.answers) : undefined;
  return (
    <article class="handoff">
      <h1 ref={heading} tabIndex={-1}>
        {t("handoff:send.title")}
      </h1>
      {draft === undefined && <p role="status">{t("loading")}</p>}
      {draft === null && (
        <p>
          {t("handoff:send.gone")} <Link href={paths.catalogue()}>{t("handoff:backToList")}</Link>
        </p>
      )}
      {draft && (
        <>
          <p class="handoff__what">
            {titleKey ? translateKey(titleKey) : draft.flowId}
            {" – "}
            {person ? t("drafts.person", { name: person }) : t("drafts.noName")}
          </p>
          {signedIn && <AccountHandoff draft={draft} />}
          {!signedIn && <p>{t("handoff:send.intro")}</p>}
          {!signedIn && <p>{t("handoff:send.privacy")}</p>}
          {!signedIn && (state.kind === "ready" || state.kind === "working") && (
            <button
              type="button"
              class="button"
              disabled={state.kind === "working"}
              onClick={() => void make()}
            >
              {state.kind === "working" ? t("handoff:send.working") : t("handoff:send.make")}
            </button>
          )}
          {!signedIn && state.kind === "failed" && (
            <div class="notice notice--error" role="alert">
              <h2 ref={result} tabIndex={-1}>
                {t("handoff:send.failedHeading")}
              </h2>
              <p>{t(`handoff:send.problems.${state.problem}`)}</p>
              <button type="button" class="button" onClick={() => void make()}>
                {t("handoff:send.retry")}
              </button>
            </div>
          )}
          {!signedIn && state.kind === "made" && (
            <MadeCode code={state.code} expiresAt={state.expiresAt} language={language} headingRef={result} />
          )}
          <p>
            <Link
              href={
                draft.step
                  ? paths.step(draft.flowId, draft.id, draft.step)
                  : paths.draft(draft.flowId, draft.id)
              }
            >
              {t("handoff:send.backToDraft")}
            </Link>
          </p>
        </>
      )}
    </article>
  );
}

function MadeCode({
  code,
  expiresAt,
  language,
  headingRef,
}: {
  code: HandoffCode;
  expiresAt: string;
  language: Language;
  headingRef: preact.RefObject<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const link = linkOf(window.location.origin, code);
  const svg = renderSVG(link, { border: 2, ecc: "M" });
  const groups = groupsOf(code);
  const until = new Date(expiresAt);
  return (
    <section class="handoff__made" aria-labelledby="handoff-made">
      <h2 id="handoff-made" ref={headingRef} tabIndex={-1}>
        {t("handoff:send.madeHeading")}
      </h2>
      <p>
        {t("handoff:send.validUntil", {
          date: formatDate(localIsoDate(until), language),
          time: formatTime(until, language),
        })}
      </p>
      <h3>{t("handoff:send.scanHeading")}</h3>
      <p>{t("handoff:send.scan")}</p>
      <img
        class="handoff__qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt={t("handoff:send.qrAlt")}
        data-link={link}
      />
      <h3>{t("handoff:send.typeHeading")}</h3>
      <p>{t("handoff:send.type", { address: `${window.location.host}/reprendre` })}</p>
      <dl class="handoff__code">
        <div>
          <dt>{t("handoff:send.locatorPart")}</dt>
          <dd data-part="locator">{groups.locator.join(" ")}</dd>
        </div>
        <div>
          <dt>{t("handoff:send.secretPart")}</dt>
          <dd data-part="secret">{groups.secret.join(" ")}</dd>
        </div>
      </dl>
      <p>{t("handoff:send.alphabet")}</p>
      <p>{t("handoff:send.stays")}</p>
    </section>
  );
}
