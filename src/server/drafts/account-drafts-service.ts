/**
 * Drafts kept in the account: what the routes call. The rules are here, the SQL in
 * db/account-drafts-repository.ts: at most ACCOUNT_DRAFTS_LIMIT per account, a save only from
 * the revision the device last had, and erasing an account's drafts takes their documents'
 * bytes too, except those a sent request already holds.
 */
import { ACCOUNT_DRAFTS_LIMIT, type AccountDraft, type SaveDraft } from "../../shared/api/account-drafts";
import type { AccountDraftsRepository, SaveOutcome } from "../db/account-drafts-repository";
import type { UploadClientsRepository } from "../db/upload-clients-repository";
import type { DocumentStore } from "../documents/document-store";

export class AccountDraftsService {
  constructor(
    private readonly deps: {
      readonly drafts: AccountDraftsRepository;
      readonly documents: DocumentStore;
      readonly uploadClients: UploadClientsRepository;
      readonly now: () => Date;
      readonly limit?: number;
    },
  ) {}

  list(accountId: string): Promise<AccountDraft[]> {
    return this.deps.drafts.list(accountId);
  }

  get(accountId: string, id: string): Promise<AccountDraft | undefined> {
    return this.deps.drafts.get(accountId, id);
  }

  save(accountId: string, id: string, body: SaveDraft): Promise<SaveOutcome> {
    return this.deps.drafts.save(
      accountId,
      id,
      body,
      this.deps.limit ?? ACCOUNT_DRAFTS_LIMIT,
      this.deps.now().toISOString(),
    );
  }

  /**
   * The documents' bytes stay: the request sent from this draft may name them, and the
   * unclaimed-upload cleanup removes them later if nothing does.
   */
  delete(accountId: string, id: string): Promise<boolean> {
    return this.deps.drafts.delete(accountId, id);
  }

  /** Account deletion: every draft, and the bytes of their documents no request holds. */
  async eraseOf(accountId: string): Promise<void> {
    const uploads = await this.deps.drafts.eraseOf(accountId);
    const keep = new Set([
      ...(await this.deps.uploadClients.namedByRequests(uploads)),
      ...(await this.deps.drafts.namedByDrafts(uploads)),
    ]);
    for (const id of uploads) {
      if (keep.has(id)) continue;
      await this.deps.documents.remove(id);
      await this.deps.uploadClients.forget(id);
    }
  }

  /** For the unclaimed-upload cleanup: the uploads among `ids` a draft still names. */
  namedByDrafts(ids: readonly string[]): Promise<Set<string>> {
    return this.deps.drafts.namedByDrafts(ids);
  }
}
