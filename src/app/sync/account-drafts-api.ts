/**
 * Drafts kept in the account, as the browser calls them: the list (every device's drafts, with
 * answers and documents' names, sizes and thumbnails), saving one from the revision this device
 * last had, deleting one. A save refused because another device saved first answers the
 * server's copy, for the person to choose between the two.
 */
import * as v from "valibot";
import {
  type AccountDraft,
  AccountDraftSchema,
  AccountDraftsSchema,
  type SaveDraft,
} from "../../shared/api/account-drafts";
import { apiErrorOf } from "../../shared/api/error-codes";
import { apiPaths } from "../../shared/api/paths";
import { AccountApiError, call } from "./account-api";

export type SaveAnswer =
  | { readonly kind: "saved"; readonly draft: AccountDraft }
  | { readonly kind: "conflict"; readonly server: AccountDraft }
  /** Sent or deleted from another device since this one last saved it. */
  | { readonly kind: "gone" };

export const fetchAccountDrafts = async (): Promise<AccountDraft[]> =>
  (await call(apiPaths.accountDrafts, AccountDraftsSchema)).drafts;

export const fetchAccountDraft = (id: string): Promise<AccountDraft> =>
  call(apiPaths.accountDraft(id), AccountDraftSchema);

export async function saveAccountDraft(id: string, draft: SaveDraft): Promise<SaveAnswer> {
  try {
    const saved = await call(apiPaths.accountDraft(id), AccountDraftSchema, {
      method: "PUT",
      body: JSON.stringify(draft),
    });
    return { kind: "saved", draft: saved };
  } catch (error) {
    if (!(error instanceof AccountApiError)) throw error;
    if (error.code === "draft_conflict") {
      const server = v.safeParse(AccountDraftSchema, error.draft);
      if (server.success) return { kind: "conflict", server: server.output };
    }
    if (error.code === "draft_not_found") return { kind: "gone" };
    throw error;
  }
}

/** Deleted already is as good as deleted. */
export async function deleteAccountDraft(id: string): Promise<void> {
  try {
    await call(apiPaths.accountDraft(id), undefined, { method: "DELETE" });
  } catch (error) {
    if (!(error instanceof AccountApiError && error.code === "draft_not_found")) throw error;
  }
}

/** The bytes of one of the draft's documents, uploaded by another device of the account. */
export async function fetchDraftDocument(draftId: string, uploadId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(apiPaths.accountDraftDocument(draftId, uploadId), { credentials: "same-origin" });
  } catch {
    throw new AccountApiError("network");
  }
  if (!response.ok)
    throw new AccountApiError(
      apiErrorOf(await response.json().catch(() => undefined))?.code ?? "internal_error",
    );
  return response.blob();
}
