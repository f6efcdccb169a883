import "../wizard/wizard.css";
import "./requests.css";
/**
 * "Mes démarches": every draft on this device (those the account brought from other devices
 * included), then every request sent, most recent first — this device's and, signed in, the
 * account's from every device — each with where it stands in plain words and what happens next,
 * leading to its receipt. Read from the device, so it shows offline; online and signed in, the
 * account's list is fetched into the device first, and the page reads it again.
 */
import { useEffect, useState } from "preact/hooks";
import { DraftList } from "../catalogue/draft-list";
import { procedureTitleKey } from "../catalogue/procedure-title";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { useOnline } from "../pwa/use-online";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { listRequests } from "../storage/requests";
import { refreshAccountRequests } from "../sync/account-requests";
import { useSignedInHint } from "../sync/signed-in-hint";
import { RequestListItem } from "./request-list-item";
import { useLiveRequests } from "./use-live-requests";

export function MyRequestsPage() {
  const { t, translateKey } = useTranslation();
  const online = useOnline();
  const signedIn = useSignedInHint();
  const [fetched, setFetched] = useState(0);
  const { requests, stateOf } = useLiveRequests(listRequests, String(fetched));
  usePageTitle(t("requests:title"));
  const loaded = requests !== undefined;
  useEffect(() => {
    if (loaded) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [loaded]);
  useEffect(() => {
    if (!online || !signedIn) return;
    let current = true;
    void refreshAccountRequests()
      .then(async (done) => {
        if (!done || !current) return;
        setFetched((n) => n + 1);
        // What the province asked since: one line per task in the list (loaded with the exchanges' code).
        const { loadChangedExchanges } = await import("../wizard/exchanges/load-changed-exchanges");
        const followChangedExchanges = await loadChangedExchanges();
        if ((await followChangedExchanges()) > 0 && current) setFetched((n) => n + 1);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [online, signedIn]);
  const titleOf = (flowId: string) => {
    const key = procedureTitleKey(flowId);
    return key && translateKey(key);
  };

  if (!requests) return <p role="status">{t("loading")}</p>;
  return (
    <div class="my-requests">
      <h1 tabIndex={-1}>{t("requests:title")}</h1>
      <DraftList titleOf={titleOf} />
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t("requests:sentHeading")}</h2>
        {requests.length === 0 ? (
          <p>{t("requests:empty")}</p>
        ) : (
          <>
            {signedIn && !online && <p class="notice notice--info">{t("requests:offlineList")}</p>}
            <p class="lead">{t("requests:intro")}</p>
            <ul class="request-list">
              {requests.map((request) => (
                <RequestListItem key={request.id} request={request} state={stateOf(request)} />
              ))}
            </ul>
          </>
        )}
      </section>
      {!signedIn && <p>{t("requests:otherDevices")}</p>}
      <Link href={paths.catalogue()}>{t("requests:catalogue")}</Link>
    </div>
  );
}
