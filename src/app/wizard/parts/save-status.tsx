/** "Enregistré sur cet appareil à 14 h 32", or a plain message and a retry when saving failed. */
import { useEffect, useState } from "preact/hooks";
import { formatTime } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import { StorageError, type StorageProblem } from "../../storage/storage-errors";
import type { WizardSession } from "../session";

/** A draft holds no file, so a blob error says the same as any other: try again. */
const FAILED = {
  quota: "wizard:step.saveFailedQuota",
  readOnly: "wizard:step.saveFailedReadOnly",
  blobWrite: "wizard:step.saveFailed",
  unknown: "wizard:step.saveFailed",
} as const satisfies Record<StorageProblem, string>;

export function SaveStatus({ session }: { session: WizardSession }) {
  const { t, language } = useTranslation();
  const [save, setSave] = useState(session.saves);
  useEffect(() => session.onSave(() => setSave(session.saves)), [session]);
  if (save.state === "failed") {
    const problem = save.error instanceof StorageError ? save.error.code : "unknown";
    return (
      <div class="save-status save-status--failed" role="alert">
        <p>{t(FAILED[problem])}</p>
        {/* A browser that refuses storage refuses it again: trying is no way out. */}
        {problem !== "readOnly" && (
          <button type="button" onClick={() => void session.flush()}>
            {t("wizard:step.retrySave")}
          </button>
        )}
      </div>
    );
  }
  if (save.state === "elsewhere")
    return (
      <div class="save-status save-status--failed" role="alert">
        <p>{t("wizard:step.openElsewhere")}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t("wizard:step.showLatest")}
        </button>
      </div>
    );
  if (save.state === "idle") return null;
  return (
    <p class="save-status" role="status">
      {t("wizard:step.saved", { time: formatTime(save.at, language) })}
    </p>
  );
}
