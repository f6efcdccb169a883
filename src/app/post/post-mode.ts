/**
 * Whether this browser is a post of the connected space: the server set the readable `pap_post`
 * marker cookie when a mediator enrolled it. Read once per page: the mode cannot change under a
 * running page (only a mediator removes it, and that reloads).
 */
const MARKER = /(?:^|;\s*)pap_post=1(?:;|$)/;
/** A cookie without an expiry: gone when the browser closes, so a reopened browser starts clean. */
const BROWSER_SESSION = "pap_post_session";

let onPostCache: boolean | undefined;

export function onPost(): boolean {
  onPostCache ??= typeof document !== "undefined" && MARKER.test(document.cookie);
  return onPostCache;
}

/** True the first time a page of this browser session runs (the browser was closed, or is new). */
export function browserSessionIsNew(): boolean {
  return !new RegExp(`(?:^|;\\s*)${BROWSER_SESSION}=1(?:;|$)`).test(document.cookie);
}

export function markBrowserSession(): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a session cookie is the one store that a closed browser forgets.
  document.cookie = `${BROWSER_SESSION}=1; path=/; SameSite=Strict; Secure`;
}
