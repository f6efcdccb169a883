/**
 * The built app from dist/. Vite puts content-hashed files under /assets, so they never change
 * and can be cached for a year; everything else (index.html first) must be revalidated so a new
 * release is picked up.
 */
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { isStaffPage, SHELL_HTML, STAFF_HTML } from "../shared/app-pages";

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** serveStatic returns a Response only when it found the file; otherwise it has called next(). */
function withCacheControl(serve: MiddlewareHandler): MiddlewareHandler {
  return async (c, next) => {
    const found = await serve(c, next);
    if (found instanceof Response) {
      found.headers.set("Cache-Control", c.req.path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE);
    }
    return found;
  };
}

export function serveDistFiles(distDir: string): MiddlewareHandler {
  return withCacheControl(serveStatic({ root: distDir }));
}

/** A path whose last segment has no dot is a page of the app (/demarches/bourse-scolaire), not a file. */
export function isPagePath(path: string): boolean {
  if (path === "/api" || path.startsWith("/api/") || path.startsWith("/assets/")) return false;
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  return !lastSegment.includes(".");
}

/**
 * Pages are routed in the browser. `/` is index.html, which holds the catalogue prerendered at
 * build time (src/tools/prerender.ts); the staff pages get the staff app's HTML; every other page
 * path gets the empty shell, which then shows the right view — never the catalogue first.
 */
export function spaFallback(distDir: string): MiddlewareHandler {
  const shell = withCacheControl(serveStatic({ root: distDir, path: SHELL_HTML }));
  const staff = withCacheControl(serveStatic({ root: distDir, path: STAFF_HTML }));
  return (c, next) => {
    if (!isPagePath(c.req.path)) return next();
    return isStaffPage(c.req.path) ? staff(c, next) : shell(c, next);
  };
}
