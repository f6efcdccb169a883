/**
 * Whether the browser may clear this app's storage when the device is short of space, and how
 * much is used. Asking for persistent storage after the first saved draft (not at first visit)
 * is when browsers grant it, and when it matters.
 */
import { onPost } from "../post/post-mode";

let asked = false;

/** Asks once per visit, or again when the person asks for it. */
export async function askPersistence(again = false): Promise<void> {
  // On a post nothing may outlive the person's session: the browser is never asked to keep it.
  if (onPost() || (asked && !again) || !navigator.storage?.persist) return;
  asked = true;
  if (!(await navigator.storage.persisted())) await navigator.storage.persist();
}

export interface StorageHealth {
  /** undefined when the browser cannot tell. */
  readonly persisted: boolean | undefined;
  readonly usage: number | undefined;
  readonly quota: number | undefined;
}

export async function storageHealth(): Promise<StorageHealth> {
  const storage = navigator.storage;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted() : Promise.resolve(undefined),
    storage?.estimate ? storage.estimate() : Promise.resolve(undefined),
  ]);
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}
