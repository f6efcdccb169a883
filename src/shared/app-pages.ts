/**
 * The two HTML files of the build, as the server and the service worker answer navigations:
 * `/` is index.html, the catalogue prerendered (src/tools/prerender.ts); every other page of
 * the app gets the shell, empty until the page's code renders it.
 */
export const SHELL_HTML = "shell.html";
