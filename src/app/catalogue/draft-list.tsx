/**
 * "Vos demandes en cours": requests started on this device, most recent first, to resume or
 * delete. The storage code is fetched after the list of procedures shows, so the first page
 * does not wait for it.
 */
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import type { DraftRecord } from "../storage/drafts";

const storage = () => import("../storage/drafts");

export function DraftList({ titleOf }: { titleOf: (flowId: string) => string | undefined }) {
  const { t, language } = useTranslation();
  const [drafts, setDrafts] = useState<DraftRecord[]>([]);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const refresh = () =>
    void storage().then((s) =>
      s
        .listDrafts()
        .then(setDrafts)
        .catch(() => setDrafts([])),
    );
  useEffect(refresh, []);

  const known = drafts.filter((draft) => titleOf(draft.flowId) !== undefined);
  if (known.length === 0) return null;
  return (
    <section class="draft-list" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t("drafts.heading")}</h2>
      <ul>
        {known.map((draft) => {
          const title = titleOf(draft.flowId) as string;
          const changed = new Date(draft.updatedAt);
          return (
            <li key={draft.id} class="draft-list__item">
              <p class="draft-list__title">{title}</p>
              <p>
                {t("drafts.changed", {
                  date: formatDate(localIsoDate(changed), language),
                  time: formatTime(changed, language),
                })}
                {draft.progress.step > 0 ? ` ${t("drafts.progress", draft.progress)}` : ""}
              </p>
              {confirming === draft.id ? (
                <fieldset class="confirm">
                  <legend>{t("drafts.confirmDelete", { title })}</legend>
                  <button
                    type="button"
                    onClick={() =>
                      void storage()
                        .then((s) => s.deleteDraft(draft.id))
                        .then(() => {
                          setConfirming(undefined);
                          refresh();
                        })
                    }
                  >
                    {t("drafts.confirmYes")}
                  </button>
                  <button type="button" onClick={() => setConfirming(undefined)}>
                    {t("drafts.confirmNo")}
                  </button>
                </fieldset>
              ) : (
                <p class="draft-list__actions">
                  <Link class="button" href={paths.step(draft.flowId, draft.step)}>
                    {t("drafts.resume", { title })}
                  </Link>
                  <button type="button" class="link-button" onClick={() => setConfirming(draft.id)}>
                    {t("drafts.delete")}
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
