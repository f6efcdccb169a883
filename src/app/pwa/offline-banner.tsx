import { useTranslation } from "../i18n/use-translation";
import { useOnline } from "./use-online";

/** Follows the network, so the person knows their answers are safe while it is gone. */
export function OfflineBanner() {
  const { t } = useTranslation();
  if (useOnline()) return null;
  return (
    <p class="banner banner--offline" role="status">
      {t("offline")}
    </p>
  );
}
