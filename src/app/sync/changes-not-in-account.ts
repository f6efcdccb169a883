/**
 * What signing out now would lose: signing out takes the account's drafts, and the requests sent
 * from other devices with the answers made here about them, off this device, so the account page
 * asks this first and, when some change cannot reach the account, lets the person choose.
 */
import { accountRequestsWithUnsentAnswers } from "../storage/account-requests";
import { listDraftSync } from "../storage/draft-sync";
import { loadDraft } from "../storage/drafts";
import { documentsToUpload, pushPending } from "./draft-sync";
import { sendNow } from "./sender";

/**
 * Before signing out: sends what waits, then counts the procedures with changes the account or
 * the province still does not have (offline, a conflict not yet chosen): drafts, and other
 * devices' requests with an answer made here.
 */
export async function changesNotInAccount(): Promise<number> {
  await Promise.all([pushPending().catch(() => undefined), sendNow().catch(() => undefined)]);
  let waiting = await accountRequestsWithUnsentAnswers();
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
