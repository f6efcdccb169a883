/**
 * "Aide" page: where the answers are kept, whether the browser may clear them when space runs
 * short, how much room they take, how to reach each procedure's department, and how to erase
 * everything from this device.
 */
// Its lists and notices are styled with the wizard's: opened directly, the page needs them too.
import "../wizard/wizard.css";
import { procedures } from "virtual:flow-catalogue";
import { useEffect, useState } from "preact/hooks";
import { formatBytes } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { askPersistence, type StorageHealth, storageHealth } from "../storage/persistence";
import { eraseEverything } from "../wizard/draft-sessions";
import { DepartmentContactOf } from "../wizard/parts/department-contact-of";

export function HelpPage() {
  const { t, translateKey, language } = useTranslation();
  const [health, setHealth] = useState<StorageHealth | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [wiped, setWiped] = useState(false);
  const refresh = () => void storageHealth().then(setHealth);
  useEffect(refresh, []);
  usePageTitle(t("help.title"));

  const persisted =
    health?.persisted === undefined
      ? t("help.persistUnknown")
      : health.persisted
        ? t("help.persistYes")
        : t("help.persistNo");
  return (
    <article>
      <h1 tabIndex={-1}>{t("help.title")}</h1>
      <h2>{t("help.whereHeading")}</h2>
      <p>{t("help.where")}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t("help.persistLabel")}</dt>
          <dd>{health ? persisted : t("loading")}</dd>
        </div>
        {health?.usage !== undefined && (
          <div class="summary-list__row">
            <dt>{t("help.usageLabel")}</dt>
            <dd>
              {health.usage === 0
                ? t("help.usageNone")
                : health.quota
                  ? t("help.usageOf", {
                      used: formatBytes(health.usage, language),
                      quota: formatBytes(health.quota, language),
                    })
                  : formatBytes(health.usage, language)}
            </dd>
          </div>
        )}
      </dl>
      {health?.persisted === false && (
        <>
          <p>{t("help.persistWhy")}</p>
          <button type="button" class="button" onClick={() => void askPersistence(true).then(refresh)}>
            {t("help.persistAsk")}
          </button>
        </>
      )}
      <h2>{t("departmentContact.helpHeading")}</h2>
      <p>{t("departmentContact.helpIntro")}</p>
      {procedures.map((procedure) => (
        <DepartmentContactOf
          key={procedure.id}
          flowId={procedure.id}
          heading={translateKey(procedure.title)}
          level={3}
        />
      ))}
      <h2>{t("help.eraseHeading")}</h2>
      <p>{t("help.erase")}</p>
      {wiped ? (
        <p class="notice notice--info" role="status">
          {t("help.erased")}
        </p>
      ) : confirming ? (
        <fieldset class="confirm">
          <legend>{t("help.eraseConfirm")}</legend>
          <button
            type="button"
            onClick={() =>
              void eraseEverything()
                .then(() => setWiped(true))
                .then(refresh)
            }
          >
            {t("help.eraseYes")}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t("help.eraseNo")}
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t("help.eraseAsk")}
        </button>
      )}
    </article>
  );
}
