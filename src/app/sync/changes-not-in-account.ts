/**
 * What signing out now would lose: signing out takes the account's drafts off this device, so the
 * account page asks this first and, when some change cannot reach the account, lets the person
 * choose.
 */
import { listDraftSync } from "../storage/draft-sync";
import { loadDraft } from "../storage/drafts";
import { documentsToUpload, pushPending } from "./draft-sync";

/**
 * Before signing out (which takes the account's drafts off this device): pushes what waits, then
 * counts the drafts whose changes the account still does not have (offline, a conflict not yet
 * chosen), which signing out now would lose.
 */
export async function changesNotInAccount(): Promise<number> {
  await pushPending().catch(() => undefined);
  let waiting = 0;
  for (const sync of await listDraftSync()) {
    if (sync.gone) continue;
    const draft = await loadDraft(sync.draftId);
    if (!draft) continue;
    if (
      sync.conflict ||
      draft.revision > sync.pushedRevision ||
      sync.documentsToTell ||
      (await documentsToUpload(draft, sync))
    )
      waiting += 1;
  }
  return waiting;
}
