/**
 * The drafts a procedure keeps on the device (IndexedDB), read from the page, for a test that
 * checks what was saved. Typing is saved after a short pause, so such a test waits until the
 * draft holds what it needs, as a person would see "Enregistré sur cet appareil".
 */
import { expect, type Page } from "@playwright/test";

import { DB_NAME, DB_VERSION } from "../../../src/app/storage/database";

/** Store names of src/app/storage/database.ts. */
const DRAFTS = "drafts";

export interface SavedDraft {
  readonly id: string;
  readonly flowId: string;
  readonly step: string;
  readonly answers: Record<string, unknown>;
  readonly revision: number;
  readonly updatedAt: string;
}

/**
 * Waits until the app has created its database, at its version. The catalogue is prerendered, so
 * it shows before the app's code runs; a test that opened the database then would create an
 * empty one the app then takes for an old version (seen in CI: "object stores not found").
 * Polled with page.evaluate, which waits for the check's promise: waitForFunction took the
 * promise itself for a truthy answer and let the test in at once.
 */
export async function untilAppDatabase(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async ([database, version, store]) => {
            const known = await indexedDB.databases();
            if (!known.some((entry) => entry.name === database && entry.version === version)) return false;
            return new Promise<boolean>((resolve) => {
              const opening = indexedDB.open(database, version);
              opening.onerror = () => resolve(false);
              opening.onsuccess = () => {
                const ready = opening.result.objectStoreNames.contains(store);
                opening.result.close();
                resolve(ready);
              };
            });
          },
          [DB_NAME, DB_VERSION, DRAFTS] as const,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The drafts of a procedure on the device, the last changed first. */
export function savedDrafts(page: Page, flowId: string): Promise<SavedDraft[]> {
  return page.evaluate(
    ([database, store, id]) =>
      new Promise<SavedDraft[]>((resolve, reject) => {
        const opening = indexedDB.open(database);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const reading = db.transaction(store).objectStore(store).getAll();
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            const drafts = (reading.result as SavedDraft[]).filter((draft) => draft.flowId === id);
            resolve(drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
          };
        };
      }),
    [DB_NAME, DRAFTS, flowId] as const,
  );
}

/** The procedure's draft changed last: the one a test has been answering. */
export async function savedDraft(page: Page, flowId: string): Promise<SavedDraft | undefined> {
  return (await savedDrafts(page, flowId))[0];
}
