/**
 * After signing in, on a device that sent requests without an account: an offer to attach them
 * to the account, so they follow the person to their other devices. Asked, never done on its
 * own; "Non merci" leaves them as they are. The account's drafts have their own offer (sync).
 */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { requestsToAttach } from "../storage/account-requests";
import type { RequestRecord } from "../storage/requests";
import { attachDeviceRequests } from "../sync/account-requests";

type State =
  | { readonly kind: "offer"; readonly requests: readonly RequestRecord[] }
  | { readonly kind: "done"; readonly attached: number; readonly refused: number }
  | { readonly kind: "declined" }
  | { readonly kind: "none" };

export function AttachRequestsOffer() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: "none" });
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void requestsToAttach()
      .then((requests) => requests.length > 0 && setState({ kind: "offer", requests }))
      .catch(() => undefined);
  }, []);

  if (state.kind === "none") return null;
  const attach = async (requests: readonly RequestRecord[]) => {
    setBusy(true);
    setFailed(false);
    try {
      setState({ kind: "done", ...(await attachDeviceRequests(requests)) });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="account-section" aria-labelledby="attach-heading">
      <h2 id="attach-heading">{t("requests:attach.heading")}</h2>
      {state.kind === "offer" && (
        <>
          <p>{t("requests:attach.offer", { count: state.requests.length })}</p>
          {failed && (
            <p class="account-error" role="alert">
              {t("requests:attach.failed")}
            </p>
          )}
          <button type="button" class="button" disabled={busy} onClick={() => void attach(state.requests)}>
            {t("requests:attach.yes")}
          </button>
          <button type="button" disabled={busy} onClick={() => setState({ kind: "declined" })}>
            {t("requests:attach.no")}
          </button>
        </>
      )}
      {state.kind === "declined" && <p role="status">{t("requests:attach.declined")}</p>}
      {state.kind === "done" && (
        <div role="status">
          {state.attached > 0 && <p>{t("requests:attach.done", { count: state.attached })}</p>}
          {state.refused > 0 && <p>{t("requests:attach.refused", { count: state.refused })}</p>}
          <Link href={paths.requests()}>{t("requests:attach.see")}</Link>
        </div>
      )}
    </section>
  );
}
