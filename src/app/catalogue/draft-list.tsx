/**
 * "Vos demandes en cours": requests started on this device, most recent first, each with whose
 * it is and when it last changed, to resume or delete. On the catalogue, every procedure's; on a
 * procedure's start page, that procedure's only. The storage code is fetched after the page
 * shows, so the first page does not wait for it; deleting goes through the owner of open
 * sessions, so a draft still open in this tab cannot be written back. The account's drafts from
 * other devices are ordinary drafts once pulled; the list follows their arrival and departure.
 */
import { procedures } from "virtual:flow-catalogue";
import { useEffect, useState } from "preact/hooks";
import { formatDate, formatTime, localIsoDate } from "../format/format";
import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import type { DraftRecord } from "../storage/drafts";
import { personNameOf } from "./person-name";

const storage = () => import("../storage/drafts");
const sessions = () => import("../wizard/draft-sessions");

interface DraftListProps {
  readonly titleOf: (flowId: string) => string | undefined;
  /** Only this procedure's drafts (its start page), without repeating its title on each. */
  readonly flowId?: string;
  /** Tells the page how many drafts are listed, once they are read. */
  readonly onList?: (count: number) => void;
}

export function DraftList({ titleOf, flowId, onList }: DraftListProps) {
  const { t, language } = useTranslation();
  const [drafts, setDrafts] = useState<DraftRecord[]>([]);
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const refresh = () =>
    void storage()
      .then((s) => s.listDrafts(flowId))
      .catch(() => [])
      .then((list) => {
        const known = list.filter((draft) => titleOf(draft.flowId) !== undefined);
        setDrafts(known);
        onList?.(known.length);
      });
  useEffect(refresh, [flowId]);
  // The account's drafts brought in from other devices (or gone from them) show without a reload.
  useEffect(() => {
    let stop: (() => void) | undefined;
    let current = true;
    void sessions().then((s) => {
      if (current) stop = s.onDraftsChanged(refresh);
    });
    return () => {
      current = false;
      stop?.();
    };
  }, [flowId]);

  if (drafts.length === 0) return null;
  return (
    <section class="draft-list" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading">{t("drafts.heading")}</h2>
      <ul>
        {drafts.map((draft) => {
          const title = titleOf(draft.flowId) as string;
          const fields = procedures.find((p) => p.id === draft.flowId)?.personName ?? [];
          const person = personNameOf(fields, draft.answers);
          const whose = person ? t("drafts.person", { name: person }) : t("drafts.noName");
          const changed = new Date(draft.updatedAt);
          const itemId = `draft-${draft.id}`;
          return (
            <li key={draft.id} class="draft-list__item" aria-labelledby={itemId}>
              {!flowId && <p class="draft-list__title">{title}</p>}
              <p id={itemId} class="draft-list__person">
                {whose}
              </p>
              <p>
                {t("drafts.changed", {
                  date: formatDate(localIsoDate(changed), language),
                  time: formatTime(changed, language),
                })}
                {draft.progress.step > 0 ? ` ${t("drafts.progress", draft.progress)}` : ""}
              </p>
              {confirming === draft.id ? (
                <fieldset class="confirm">
                  <legend>{t("drafts.confirmDelete", { title, person: whose })}</legend>
                  <button
                    type="button"
                    onClick={() =>
                      void sessions()
                        .then((s) => s.removeDraft(draft.id))
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
                  <Link
                    class="button"
                    href={
                      draft.step
                        ? paths.step(draft.flowId, draft.id, draft.step)
                        : paths.draft(draft.flowId, draft.id)
                    }
                  >
                    {t("drafts.resume")}
                  </Link>
                  <Link href={paths.handoffSend(draft.id)}>{t("drafts.handoff")}</Link>
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
