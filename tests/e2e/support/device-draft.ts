/**
 * The draft a procedure keeps on the device (IndexedDB), read from the page, for a test that
 * checks what was saved. Typing is saved after a short pause, so such a test waits until the
 * draft holds what it needs, as a person would see "Enregistré sur cet appareil".
 */
import type { Page } from "@playwright/test";

/** Database and store names of src/app/storage/database.ts. */
const DATABASE = "pas-a-pas";
const DRAFTS = "drafts";

export interface SavedDraft {
  readonly step: string;
  readonly answers: Record<string, unknown>;
}

export function savedDraft(page: Page, flowId: string): Promise<SavedDraft | undefined> {
  return page.evaluate(
    ([database, store, id]) =>
      new Promise<SavedDraft | undefined>((resolve, reject) => {
        const opening = indexedDB.open(database);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve(undefined);
            return;
          }
          const reading = db.transaction(store).objectStore(store).get(id);
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result as SavedDraft | undefined);
          };
        };
      }),
    [DATABASE, DRAFTS, flowId] as const,
  );
}
