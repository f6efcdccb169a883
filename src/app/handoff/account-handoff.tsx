/**
 * "Continuer sur mon téléphone" for a person signed in: the draft is put in the account with its
 * documents, then a QR code links to the sign-in page, which opens the draft at the same step once
 * the phone is signed in to the same account. Nothing is sealed: the account already keeps it.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { useTranslation } from "../i18n/use-translation";
import { paths } from "../routing/routes";
import { readDraftSync } from "../storage/draft-sync";
import { type DraftRecord, loadDraft } from "../storage/drafts";
import { pushDraft } from "../sync/draft-sync";

/**
 * "Continuer sur mon téléphone", signed in: the draft and its documents go to the account now,
 * so the phone finds them once signed in. "kept" only once the account has this very version.
 */
async function keepInAccountNow(draftId: string): Promise<"kept" | "retry" | "conflict" | "signed-out"> {
  const outcome = await pushDraft(draftId);
  if (outcome === "retry" || outcome === "signed-out" || outcome === "conflict") return outcome;
  const [draft, sync] = await Promise.all([loadDraft(draftId), readDraftSync(draftId)]);
  if (sync?.conflict) return "conflict";
  return draft && sync && sync.serverRevision > 0 && sync.pushedRevision >= draft.revision ? "kept" : "retry";
}

type State =
  | { readonly kind: "working" }
  | { readonly kind: "kept" }
  | { readonly kind: "failed"; readonly problem: "retry" | "conflict" | "signed-out" };

export function AccountHandoff({ draft }: { readonly draft: DraftRecord }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: "working" });
  const result = useRef<HTMLHeadingElement>(null);

  async function keep() {
    setState({ kind: "working" });
    const outcome = await keepInAccountNow(draft.id).catch(() => "retry" as const);
    setState(outcome === "kept" ? { kind: "kept" } : { kind: "failed", problem: outcome });
  }
  useEffect(() => void keep(), [draft.id]);
  useEffect(() => {
    if (state.kind !== "working") result.current?.focus();
  }, [state.kind]);

  const there = draft.step
    ? paths.step(draft.flowId, draft.id, draft.step)
    : paths.draft(draft.flowId, draft.id);
  const link = `${window.location.origin}${paths.signInThen(there)}`;
  return (
    <>
      <p>{t("handoff:account.intro")}</p>
      {state.kind === "working" && <p role="status">{t("handoff:account.working")}</p>}
      {state.kind === "failed" && (
        <div class="notice notice--error" role="alert">
          <h2 ref={result} tabIndex={-1}>
            {t(`handoff:account.problems.${state.problem}`)}
          </h2>
          <button type="button" class="button" onClick={() => void keep()}>
            {t("handoff:account.retry")}
          </button>
        </div>
      )}
      {state.kind === "kept" && (
        <section class="handoff__made" aria-labelledby="handoff-account-ready">
          <h2 id="handoff-account-ready" ref={result} tabIndex={-1}>
            {t("handoff:account.readyHeading")}
          </h2>
          <p>{t("handoff:account.scan")}</p>
          <img
            class="handoff__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(link, { border: 2, ecc: "M" }))}`}
            alt={t("handoff:account.qrAlt")}
            data-link={link}
          />
          <p>{t("handoff:account.noCamera", { address: `${window.location.host}${paths.signIn()}` })}</p>
          <p>{t("handoff:account.stays")}</p>
        </section>
      )}
    </>
  );
}
