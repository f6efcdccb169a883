/**
 * "J'ai fini", the idle timeout, or a browser reopened: the person's session on this post ends.
 * The server closes their account session and answers `Clear-Site-Data`; the page wipes what is
 * left, then leaves for /fini with `replace()`, which drops every in-memory state (the memory
 * IndexedDB included) and the current history entry.
 */
import { paths } from "../routing/routes";
import { endPostSession } from "../sync/post-api";
import { wipeWhatIsLeft } from "./leave-no-trace";

let finishing = false;

export async function finishOnPost(): Promise<void> {
  if (finishing) return;
  finishing = true;
  await endPostSession();
  await wipeWhatIsLeft();
  window.location.replace(paths.finished());
}

/** A new browser session (closed and reopened): whatever the last person left goes first. */
export async function startCleanOnPost(): Promise<void> {
  await endPostSession();
  await wipeWhatIsLeft();
}
