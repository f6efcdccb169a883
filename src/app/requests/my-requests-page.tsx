import "../wizard/wizard.css";
import "./requests.css";
/**
 * "Mes demandes": every request finished on this device, most recent first, with its number,
 * when it was made and where it stands, each leading to its receipt. Read from the device only,
 * so it shows offline; a sent request keeps its receipt here once its answers are gone.
 */
import { useEffect } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { listRequests } from "../storage/requests";
import { RequestListItem } from "./request-list-item";
import { useLiveRequests } from "./use-live-requests";

export function MyRequestsPage() {
  const { t } = useTranslation();
  const { requests, stateOf } = useLiveRequests(listRequests);
  usePageTitle(t("requests:title"));
  const loaded = requests !== undefined;
  useEffect(() => {
    if (loaded) document.querySelector<HTMLElement>("main h1")?.focus();
  }, [loaded]);

  if (!requests) return <p role="status">{t("loading")}</p>;
  return (
    <div class="my-requests">
      <h1 tabIndex={-1}>{t("requests:title")}</h1>
      {requests.length === 0 ? (
        <p>{t("requests:empty")}</p>
      ) : (
        <>
          <p class="lead">{t("requests:intro")}</p>
          <ul class="request-list">
            {requests.map((request) => (
              <RequestListItem key={request.id} request={request} state={stateOf(request)} />
            ))}
          </ul>
        </>
      )}
      <p>{t("requests:otherDevices")}</p>
      <Link href={paths.catalogue()}>{t("requests:catalogue")}</Link>
    </div>
  );
}
