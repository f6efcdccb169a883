/**
 * The HTML files of the build, as the server and the service worker answer navigations:
 * `/` is index.html, the catalogue prerendered (src/tools/prerender.ts); every other page of
 * the app gets the shell, empty until the page's code renders it. The staff pages (src/staff)
 * are another app with its own HTML, which the service worker never answers.
 */
export const SHELL_HTML = "shell.html";
export const STAFF_HTML = "src/staff/index.html";

/** Where the staff pages live: the sign-in and administration, the mediators', the agents'. */
export const STAFF_PAGE_PREFIXES = ["/personnel", "/mediation", "/agents"] as const;

export function isStaffPage(path: string): boolean {
  return STAFF_PAGE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
