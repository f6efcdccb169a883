/**
 * Tells other tabs of this app that a draft was saved, deleted or sent, so a tab showing an
 * older copy stops editing it and says so, instead of overwriting newer answers. One channel
 * per tab: a BroadcastChannel does not hear its own messages, so a tab never hears itself.
 */
const CHANNEL = "pas-a-pas:drafts";

export interface DraftSaved {
  readonly id: string;
  /** Infinity when the draft was deleted or sent. */
  readonly revision: number;
}

type Listener = (event: DraftSaved) => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | undefined;

function open(): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === "undefined") return undefined;
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (message: MessageEvent<{ id: string; revision: number | null }>) => {
      const event = { id: message.data.id, revision: message.data.revision ?? Number.POSITIVE_INFINITY };
      for (const listener of listeners) listener(event);
    };
  }
  return channel;
}

export function announceDraftSaved(id: string, revision: number): void {
  open()?.postMessage({ id, revision: Number.isFinite(revision) ? revision : null });
}

export function onDraftSavedElsewhere(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
