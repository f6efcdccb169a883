import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { applyUpdate, onUpdateWaiting } from "./service-worker";

/** Offers the new version; nothing changes until the person chooses it. */
export function UpdateBanner() {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState(false);
  const [updating, setUpdating] = useState(false);
  useEffect(() => onUpdateWaiting(setWaiting), []);
  if (!waiting) return null;
  return (
    <div class="banner banner--update" role="status">
      <p>{t("update.ready")}</p>
      <button
        type="button"
        aria-disabled={updating}
        onClick={() => {
          if (updating) return;
          setUpdating(true);
          void applyUpdate();
        }}
      >
        {t("update.apply")}
      </button>
    </div>
  );
}
