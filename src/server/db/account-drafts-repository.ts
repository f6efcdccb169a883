/**
 * The SQL of drafts kept in an account. Every query names the account, so a draft is only ever
 * read or changed by its own account's session. A save is a compare-and-set on `revision`:
 * two devices that both started from revision 3 cannot both write revision 4.
 */
import type { AccountDraft, DraftDocument, SaveDraft } from "../../shared/api/account-drafts";
import type { Answers } from "../../shared/engine/answers";
import type { AccountDraftDocumentsTable, AccountDraftsTable, Db } from "./tables";
import { isUniqueViolation } from "./unique-violation";

export type SaveOutcome =
  | { readonly kind: "saved"; readonly draft: AccountDraft }
  /** Another device saved first: the server's copy, for the person to choose. */
  | { readonly kind: "conflict"; readonly draft: AccountDraft }
  /** Another account's id, or a draft saved before that is gone (sent or deleted elsewhere). */
  | { readonly kind: "not_found" }
  | { readonly kind: "too_many" };

/** "lost": the draft is not at the revision the device started from (or not this account's). */
type Written = "saved" | "lost" | "too_many";

const CHUNK = 500;

export class AccountDraftsRepository {
  constructor(private readonly db: Db) {}

  async list(accountId: string): Promise<AccountDraft[]> {
    const rows = await this.db
      .selectFrom("account_drafts")
      .selectAll()
      .where("account_id", "=", accountId)
      .orderBy("updated_at", "desc")
      .orderBy("id")
      .execute();
    const documents = await this.documentsOf(rows.map((row) => row.id));
    return rows.map((row) => toDraft(row, documents.get(row.id) ?? []));
  }

  async get(accountId: string, id: string): Promise<AccountDraft | undefined> {
    const row = await this.db
      .selectFrom("account_drafts")
      .selectAll()
      .where("id", "=", id)
      .where("account_id", "=", accountId)
      .executeTakeFirst();
    if (!row) return undefined;
    return toDraft(row, (await this.documentsOf([id])).get(id) ?? []);
  }

  async save(
    accountId: string,
    id: string,
    body: SaveDraft,
    limit: number,
    now: string,
  ): Promise<SaveOutcome> {
    const values = {
      flow_id: body.flowId,
      flow_version: body.flowVersion,
      answers: JSON.stringify(body.answers),
      step: body.step,
      updated_at: now,
    };
    try {
      const written = await this.db.transaction().execute(async (trx): Promise<Written> => {
        if (body.baseRevision === 0) {
          const existing = await trx
            .selectFrom("account_drafts")
            .select("id")
            .where("id", "=", id)
            .executeTakeFirst();
          if (existing) return "lost";
          const count = await trx
            .selectFrom("account_drafts")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("account_id", "=", accountId)
            .executeTakeFirstOrThrow();
          if (Number(count.n) >= limit) return "too_many";
          await trx
            .insertInto("account_drafts")
            .values({ id, account_id: accountId, revision: 1, ...values })
            .execute();
        } else {
          const updated = await trx
            .updateTable("account_drafts")
            .set({ ...values, revision: body.baseRevision + 1 })
            .where("id", "=", id)
            .where("account_id", "=", accountId)
            .where("revision", "=", body.baseRevision)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) return "lost";
          await trx.deleteFrom("account_draft_documents").where("draft_id", "=", id).execute();
        }
        if (body.documents.length > 0)
          await trx
            .insertInto("account_draft_documents")
            .values(body.documents.map((document, position) => documentRow(id, position, document)))
            .execute();
        return "saved";
      });
      if (written === "too_many") return { kind: "too_many" };
      if (written === "saved") {
        const draft = await this.get(accountId, id);
        // Deleted by another device in the instant between: as if it had been deleted first.
        return draft ? { kind: "saved", draft } : { kind: "not_found" };
      }
    } catch (error) {
      // Two first saves of one id at the same moment: the second lost the race, like a conflict.
      if (!isUniqueViolation(error)) throw error;
    }
    const current = await this.get(accountId, id);
    return current ? { kind: "conflict", draft: current } : { kind: "not_found" };
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom("account_drafts")
        .where("id", "=", id)
        .where("account_id", "=", accountId)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return false;
      await trx.deleteFrom("account_draft_documents").where("draft_id", "=", id).execute();
      return true;
    });
  }

  /** Deletes every draft of the account; answers the uploads their documents named. */
  async eraseOf(accountId: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const drafts = trx.selectFrom("account_drafts").select("id").where("account_id", "=", accountId);
      const uploads = await trx
        .selectFrom("account_draft_documents")
        .select("upload_id")
        .where("draft_id", "in", drafts)
        .execute();
      await trx.deleteFrom("account_draft_documents").where("draft_id", "in", drafts).execute();
      await trx.deleteFrom("account_drafts").where("account_id", "=", accountId).execute();
      return [...new Set(uploads.map((row) => row.upload_id))];
    });
  }

  /** The ids among `ids` that some account's draft names. */
  async namedByDrafts(ids: readonly string[]): Promise<Set<string>> {
    const named = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("account_draft_documents")
        .select("upload_id")
        .where("upload_id", "in", ids.slice(i, i + CHUNK))
        .execute();
      for (const row of rows) named.add(row.upload_id);
    }
    return named;
  }

  private async documentsOf(draftIds: readonly string[]): Promise<Map<string, DraftDocument[]>> {
    const byDraft = new Map<string, DraftDocument[]>();
    for (let i = 0; i < draftIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("account_draft_documents")
        .selectAll()
        .where("draft_id", "in", draftIds.slice(i, i + CHUNK))
        .orderBy("draft_id")
        .orderBy("position")
        .execute();
      for (const row of rows) {
        const list = byDraft.get(row.draft_id) ?? [];
        list.push(toDocument(row));
        byDraft.set(row.draft_id, list);
      }
    }
    return byDraft;
  }
}

function documentRow(draftId: string, position: number, d: DraftDocument): AccountDraftDocumentsTable {
  return {
    draft_id: draftId,
    position,
    field_id: d.fieldId,
    document_id: d.documentId,
    upload_id: d.uploadId,
    sha256: d.sha256,
    name: d.name,
    size: d.size,
    type: d.type,
    thumbnail: d.thumbnail ?? null,
  };
}

function toDocument(row: AccountDraftDocumentsTable): DraftDocument {
  return {
    fieldId: row.field_id,
    documentId: row.document_id,
    uploadId: row.upload_id,
    sha256: row.sha256,
    name: row.name,
    size: Number(row.size),
    type: row.type,
    ...(row.thumbnail ? { thumbnail: row.thumbnail } : {}),
  };
}

function toDraft(row: AccountDraftsTable, documents: DraftDocument[]): AccountDraft {
  return {
    id: row.id,
    flowId: row.flow_id,
    flowVersion: Number(row.flow_version),
    answers: JSON.parse(row.answers) as Answers,
    step: row.step,
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    documents,
  };
}
