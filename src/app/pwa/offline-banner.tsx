import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";

/** Follows the network, so the person knows their answers are safe while it is gone. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  if (online) return null;
  return (
    <p class="banner banner--offline" role="status">
      {t("offline")}
    </p>
  );
}
