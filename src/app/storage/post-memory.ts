/**
 * On a post, the app's IndexedDB lives in memory (fake-indexeddb installed as the page's
 * `indexedDB` before anything opens it): drafts, documents and receipts vanish with the page,
 * and nothing of a person ever reaches the disk, even if the PC is switched off mid-session.
 * Why not encrypted IndexedDB with a key kept in memory: the same outcome, with ciphertext left
 * on disk and every storage module to change; memory needs none changed. The browser's own
 * IndexedDB stays reachable here, only to wipe and to check that nothing is left.
 */
let browserIndexedDB: IDBFactory | undefined;

export async function keepStorageInMemory(): Promise<void> {
  browserIndexedDB = indexedDB;
  await import("fake-indexeddb/auto");
}

/** The browser's own IndexedDB (the disk), whether or not the memory one stands in for it. */
export function diskIndexedDB(): IDBFactory {
  return browserIndexedDB ?? indexedDB;
}

/** Deletes every database of the site from the disk. */
export async function wipeDiskDatabases(): Promise<void> {
  const factory = diskIndexedDB();
  const databases = (await factory.databases?.()) ?? [];
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = factory.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/** The names of the site's databases still on the disk (the end of a session checks there are none). */
export async function diskDatabaseNames(): Promise<string[]> {
  const databases = (await diskIndexedDB().databases?.()) ?? [];
  return databases.flatMap(({ name }) => (name ? [name] : []));
}
