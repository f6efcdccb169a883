/**
 * Drafts kept in the account: what the routes call. The rules are here, the SQL in
 * db/account-drafts-repository.ts: at most ACCOUNT_DRAFTS_LIMIT per account, a save only from
 * the revision the device last had, and erasing an account's drafts takes their documents'
 * bytes too, except those a sent request already holds.
 */
import { ACCOUNT_DRAFTS_LIMIT, type AccountDraft, type SaveDraft } from "../../shared/api/account-drafts";
import type { AccountDraftsRepository, SaveOutcome } from "../db/account-drafts-repository";
import type { UploadClientsRepository } from "../db/upload-clients-repository";
import type { UploadsRepository } from "../db/uploads-repository";
import type { DocumentStore } from "../documents/document-store";

export class AccountDraftsService {
  constructor(
    private readonly deps: {
      readonly drafts: AccountDraftsRepository;
      readonly documents: DocumentStore;
      readonly uploadClients: UploadClientsRepository;
      readonly uploads: UploadsRepository;
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

  /**
   * The bytes of a document the account's draft names, for its other device: only once the
   * upload is finished and its content checked, with the type the server found in it.
   */
  async documentOf(
    accountId: string,
    draftId: string,
    uploadId: string,
  ): Promise<{ readonly bytes: Uint8Array; readonly type: string } | "no-draft" | "no-document"> {
    const draft = await this.deps.drafts.get(accountId, draftId);
    if (!draft) return "no-draft";
    if (!draft.documents.some((doc) => doc.uploadId === uploadId)) return "no-document";
    const record = (await this.deps.uploads.find([uploadId])).get(uploadId);
    if (record?.status !== "complete" || !record.type) return "no-document";
    try {
      return { bytes: await this.deps.documents.readAll(uploadId), type: record.type };
    } catch {
      // Removed meanwhile (the account's other device sent and the request's files moved on).
      return "no-document";
    }
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
