/**
 * The end of a person's session on a post, on the page's side: whatever the server's
 * `Clear-Site-Data` did not reach (offline, or a browser that ignores it) is wiped here, then
 * checked. Kept: the app shell's precache (code and common texts, nobody's data) and the post's
 * own cookies. In-memory state goes with the page: the caller navigates to /fini with replace().
 */
import { diskDatabaseNames, wipeDiskDatabases } from "../storage/post-memory";

/**
 * Workbox's precache holds the shell, the procedure packs each procedure's code and texts
 * (src/sw/procedure-packs.ts): the same for everyone, and what lets the post work offline.
 */
const isShellCache = (name: string) =>
  name.startsWith("workbox-precache") || name === "pas-a-pas-procedure-packs";
/** The post's own cookies: the marker, its HttpOnly twin (unseen here) and the browser session's. */
const POST_COOKIES: ReadonlySet<string> = new Set(["pap_post", "pap_post_session"]);

export async function wipeWhatIsLeft(): Promise<void> {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage disabled: there is nothing in it either.
  }
  if ("caches" in window) {
    for (const name of await caches.keys()) if (!isShellCache(name)) await caches.delete(name);
  }
  await wipeDiskDatabases();
}

/** What the check found left: empty when nothing of the person remains. */
export async function whatIsLeft(): Promise<string[]> {
  const left: string[] = [];
  for (const name of await diskDatabaseNames()) left.push(`indexedDB:${name}`);
  if ("caches" in window)
    for (const name of await caches.keys()) if (!isShellCache(name)) left.push(`cache:${name}`);
  if (localStorage.length > 0) left.push("localStorage");
  if (sessionStorage.length > 0) left.push("sessionStorage");
  for (const cookie of document.cookie.split(";")) {
    const name = cookie.split("=")[0]?.trim();
    if (name && !POST_COOKIES.has(name)) left.push(`cookie:${name}`);
  }
  return left;
}
