import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { keepProcedureOffline } from "./service-worker";

/** Says so once the procedure's files are on the device: from then on it works with no network. */
export function OfflineReady({ flowId }: { flowId: string }) {
  const { t } = useTranslation();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let current = true;
    void keepProcedureOffline(flowId).then((ok) => current && setReady(ok));
    return () => {
      current = false;
    };
  }, [flowId]);
  return ready ? <p class="offline-ready">{t("wizard:start.offlineReady")}</p> : null;
}
