/** Requests in progress. One draft per procedure on this device, keyed by the flow id for now. */
import type { Draft } from "../../shared/engine/draft";
import { database } from "./database";

export interface DraftRecord extends Draft {
  readonly id: string;
  /** ISO date and time of the last change, for "Enregistré sur cet appareil à 14 h 32". */
  readonly updatedAt: string;
  /** Where the person stopped and how far along, for the catalogue's "Reprendre". */
  readonly step: string;
  readonly progress: { readonly step: number; readonly total: number };
  /** Who owns it once accounts exist; null on a device without an account. */
  readonly owner: string | null;
  /** Increases with every save, so two tabs can tell whose change is newer. */
  readonly revision: number;
}

export async function saveDraft(record: DraftRecord): Promise<void> {
  const db = await database();
  await db.put("drafts", record);
}

export async function loadDraft(id: string): Promise<DraftRecord | undefined> {
  const db = await database();
  return db.get("drafts", id);
}

export async function listDrafts(): Promise<DraftRecord[]> {
  const db = await database();
  const drafts = await db.getAll("drafts");
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function deleteDraft(id: string): Promise<void> {
  const db = await database();
  await db.delete("drafts", id);
}
