/**
 * After signing in, on a device holding drafts started without an account: an offer to keep
 * them in the account too, so they can be continued on another device. Asked, never done on its
 * own; "Non merci" leaves them on this device only.
 */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { accountFreeDrafts, attachDrafts } from "../sync/draft-sync";

type State =
  | { readonly kind: "none" }
  | { readonly kind: "offer"; readonly draftIds: readonly string[] }
  | { readonly kind: "declined" }
  | { readonly kind: "done"; readonly count: number };

export function AttachDraftsOffer() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: "none" });
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void accountFreeDrafts()
      .then(
        (drafts) =>
          drafts.length > 0 && setState({ kind: "offer", draftIds: drafts.map((draft) => draft.id) }),
      )
      .catch(() => undefined);
  }, []);

  if (state.kind === "none") return null;
  const attach = async (draftIds: readonly string[]) => {
    setBusy(true);
    setFailed(false);
    const outcomes = await attachDrafts(draftIds).catch(() => []);
    const count = outcomes.filter((outcome) => outcome === "saved" || outcome === "unchanged").length;
    setBusy(false);
    if (count === draftIds.length) setState({ kind: "done", count });
    else setFailed(true);
  };
  return (
    <section class="account-section" aria-labelledby="attach-drafts-heading">
      <h2 id="attach-drafts-heading">{t("account:attachDrafts.heading")}</h2>
      {state.kind === "offer" && (
        <>
          <p>{t("account:attachDrafts.offer", { count: state.draftIds.length })}</p>
          {failed && (
            <p class="account-error" role="alert">
              {t("account:attachDrafts.failed")}
            </p>
          )}
          <button type="button" class="button" disabled={busy} onClick={() => void attach(state.draftIds)}>
            {t("account:attachDrafts.yes")}
          </button>
          <button type="button" disabled={busy} onClick={() => setState({ kind: "declined" })}>
            {t("account:attachDrafts.no")}
          </button>
        </>
      )}
      {state.kind === "declined" && <p role="status">{t("account:attachDrafts.declined")}</p>}
      {state.kind === "done" && <p role="status">{t("account:attachDrafts.done", { count: state.count })}</p>}
    </section>
  );
}
