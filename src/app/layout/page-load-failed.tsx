import { useTranslation } from "../i18n/use-translation";

/**
 * A page whose code or flow could not be fetched. Offline, that means the person never opened it
 * with a connection on this device (each procedure is kept for offline use once opened), so say
 * that rather than "reload", which cannot help until the network is back.
 */
export function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div class="notice notice--error" role="alert">
      <p>{navigator.onLine ? t("pageLoadFailed") : t("pageNotOnDevice")}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t("reloadPage")}
      </button>
    </div>
  );
}
