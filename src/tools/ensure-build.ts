/**
 * Run by `npm start`: builds the app only when dist/ is missing or older than its sources, so a
 * fresh clone starts with one command and a second start is immediate.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";

const BUILT = join("dist", "index.html");
/** Everything the page is built from. src/shared and the lock file are here because the page bundles them too. */
const SOURCES = [
  "src/app",
  "src/staff",
  "src/shared",
  "src/tools/flow-catalogue.ts",
  "src/tools/precache-packs.ts",
  "src/sw",
  "src/tools/prerender.ts",
  "flows",
  "locales",
  "index.html",
  "public",
  "vite.config.ts",
  "package-lock.json",
];

/** The newest modification time under a file or folder (0 when it does not exist). */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stats.mtimeMs,
  );
}

function staleReason(): string | undefined {
  if (!existsSync(BUILT)) return `${BUILT} is missing`;
  const builtAt = statSync(BUILT).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(source) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

const reason = staleReason();
if (reason) {
  console.log(`Building the app: ${reason}.`);
  await build();
} else {
  console.log("The app is already built and up to date.");
}
