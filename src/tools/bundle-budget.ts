/**
 * Fails when the JavaScript of the first page (the catalogue, in French) or of a procedure's
 * pages (the wizard route, everything included) is over budget. Many people open the service on
 * a cheap phone with prepaid data: this keeps each visit light. Run after `vite build`; it reads
 * dist/.vite/manifest.json to follow each chunk's static imports and adds the locale chunks the
 * page fetches before it shows anything.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readFlowCatalogue } from "./flow-catalogue";

const FIRST_PAGE_BUDGET = 60 * 1024;
const WIZARD_BUDGET = 100 * 1024;
/** What src/app/app.tsx loads for a procedure's pages, besides the flow's own texts. */
const WIZARD_CHUNK = "src/app/wizard/wizard-route.tsx";
const WIZARD_NAMESPACES = ["wizard", "fields", "errors", "glossary"];
/** Everything the service worker downloads at install, for the whole app to work offline. */
const PRECACHE_BUDGET = 250 * 1024;
const DIST = "dist";
const MANIFEST = join(DIST, ".vite", "manifest.json");
const SERVICE_WORKER = join(DIST, "sw.js");
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

/** Everything a procedure's pages load, in total, for the procedure whose chunks weigh most. */
function wizardFiles(manifest: Manifest, flowId: string): string[] {
  const files = new Set(firstPageFiles(manifest));
  collect(manifest, WIZARD_CHUNK, files);
  collect(manifest, `flows/${flowId}.json`, files);
  for (const ns of [...WIZARD_NAMESPACES, flowId])
    collect(manifest, `locales/${FIRST_PAGE_LANGUAGE}/${ns}.json`, files);
  return [...files].filter((file) => file.endsWith(".js"));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files in the service worker's precache list (injected by Workbox at build time). */
function precachedFiles(): string[] {
  const source = readFileSync(SERVICE_WORKER, "utf8");
  return [...new Set([...source.matchAll(/"?url"?\s*:\s*"([^"]+)"/g)].map((m) => m[1] as string))];
}

function main(): number {
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run "npm run build" first.`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
  const total = (files: string[]) => files.reduce((sum, file) => sum + gzipped(file), 0);
  let firstPage: string[];
  let wizard: { flowId: string; files: string[] }[];
  try {
    firstPage = firstPageFiles(manifest);
    wizard = readFlowCatalogue("flows").procedures.map((p) => ({
      flowId: p.id,
      files: wizardFiles(manifest, p.id),
    }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  for (const file of firstPage) console.log(`  ${file.padEnd(48)} ${kb(gzipped(file)).padStart(9)} gzip`);
  const firstPageTotal = total(firstPage);
  console.log(
    `first page JavaScript: ${kb(firstPageTotal)} gzip (budget ${kb(FIRST_PAGE_BUDGET).replace(".0", "")})`,
  );
  const heaviest = wizard.map((w) => ({ ...w, total: total(w.files) })).sort((a, b) => b.total - a.total)[0];
  if (heaviest)
    console.log(
      `procedure pages JavaScript (${heaviest.flowId}, all included): ${kb(heaviest.total)} gzip (budget ${kb(WIZARD_BUDGET).replace(".0", "")})`,
    );
  const precache = existsSync(SERVICE_WORKER) ? total(precachedFiles()) : 0;
  console.log(
    `service worker precache: ${kb(precache)} gzip (budget ${kb(PRECACHE_BUDGET).replace(".0", "")})`,
  );
  let failed = false;
  if (precache === 0 || precache > PRECACHE_BUDGET) {
    console.error(
      precache === 0
        ? `${SERVICE_WORKER} has no precache list.`
        : `Precache over budget by ${kb(precache - PRECACHE_BUDGET)}.`,
    );
    failed = true;
  }
  if (firstPageTotal > FIRST_PAGE_BUDGET) {
    console.error(
      `First page over budget by ${kb(firstPageTotal - FIRST_PAGE_BUDGET)}: load new code with import() where it is used.`,
    );
    failed = true;
  }
  if (heaviest && heaviest.total > WIZARD_BUDGET) {
    console.error(`Procedure pages over budget by ${kb(heaviest.total - WIZARD_BUDGET)}.`);
    failed = true;
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
