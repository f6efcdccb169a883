/**
 * Fails when the JavaScript of the first page (the catalogue, in French) is over budget.
 * Many people open the service on a cheap phone with prepaid data: this keeps the first visit light.
 * Run after `vite build`; it reads dist/.vite/manifest.json to follow the entry's static imports
 * and adds the locale chunks the page fetches before it shows anything.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFlowCatalogue } from "./flow-catalogue";

const BUDGET_BYTES = 60 * 1024;
const DIST = "dist";
const MANIFEST = join(DIST, ".vite", "manifest.json");
/** French is the default language, and a French first visit loads no fallback texts. */
const FIRST_PAGE_LANGUAGE = "fr";

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function collect(manifest: Manifest, key: string, into: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in ${MANIFEST}: the first page loads it, does the file exist?`);
  if (into.has(chunk.file)) return;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) collect(manifest, imported, into);
}

function firstPageFiles(manifest: Manifest): string[] {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry && chunk.src === "index.html");
  if (!entry) throw new Error(`no index.html entry in ${MANIFEST}`);
  const files = new Set<string>();
  collect(manifest, entry[0], files);
  // What src/app/main.tsx loads before the first render: common plus the catalogue's namespaces.
  const namespaces = ["common", ...readFlowCatalogue("flows").namespaces];
  for (const ns of namespaces) collect(manifest, `locales/${FIRST_PAGE_LANGUAGE}/${ns}.json`, files);
  return [...files].filter((file) => file.endsWith(".js"));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function main(): number {
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run "npm run build" first.`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  let files: string[];
  try {
    files = firstPageFiles(manifest);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  let total = 0;
  for (const file of files) {
    const size = gzipSync(readFileSync(join(DIST, file))).length;
    total += size;
    console.log(`  ${file.padEnd(48)} ${kb(size).padStart(9)} gzip`);
  }
  console.log(`first page JavaScript: ${kb(total)} gzip (budget ${kb(BUDGET_BYTES).replace(".0", "")})`);
  if (total > BUDGET_BYTES) {
    console.error(
      `Over budget by ${kb(total - BUDGET_BYTES)}: load the new code with import() where it is used.`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
