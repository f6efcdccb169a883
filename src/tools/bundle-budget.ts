/**
 * Fails when the JavaScript of the first page (the catalogue, in French) or of a procedure's
 * pages (the wizard route, everything included) is over budget, or when what the service worker
 * downloads for offline use is: the shell at the first visit, and each procedure's pack when it
 * is opened. Many people open the service on a cheap phone with prepaid data: this keeps each
 * visit light. Run after `vite build`; it reads dist/.vite/manifest.json to follow each chunk's
 * static imports and adds the locale chunks the page fetches before it shows anything, and
 * dist/.vite/precache-packs.json for the offline downloads (src/tools/precache-packs.ts). It also
 * fails when the service worker's list holds a file of the staff pages (src/staff) or of the
 * online-only pages (hand-off, post mode), which the shell's figure leaves out.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";
import { flowFiles } from "./flow-catalogue";
import { PACKS_FILE, type PrecachePacks } from "./precache-packs";

const FIRST_PAGE_BUDGET = 60 * 1024;
/**
 * 101 KB since a signed-in draft's documents travel and signing out checks what is not in the
 * account yet (100.9 KB then; the code that moves the bytes stays out, online only). 102 KB
 * since the province's files travel with its messages (101.0 KB: the storage's upgrade step and
 * keeping the files for offline reading; their list and the form stay in the lazy exchanges).
 */
const WIZARD_BUDGET = 102 * 1024;
/** What src/app/app.tsx loads for a procedure's pages, besides the flow's own texts. */
const WIZARD_CHUNK = "src/app/wizard/wizard-route.tsx";
const WIZARD_NAMESPACES = ["wizard", "fields", "errors", "glossary"];
/**
 * What the service worker downloads at the first visit: everything but the procedures and the
 * online-only pages. 104 KB since drafts in the account, the connected space and the hand-off
 * landed (100.4 KB then): their offline parts (sync, sign-out forgetting, post detection) belong
 * to every phone; the rest is kept out (precache-packs.ts). 105 KB since the department
 * contacts, the drafts' conflict page and the staff contract's shared status names (104.1 KB),
 * when the online-only pages also left the service worker's list: the real first download went
 * from 133.8 KB to 104.1 KB then. 107 KB since the receipt's status words for tasks and the
 * documents still due, the drafts' uploads named by the request and the sign-out check (106.6 KB;
 * the tasks and messages themselves travel with the procedures' packs). 108 KB since "Mes
 * démarches" gives each open task its line, read from the request's record (107.3 KB: 0.3 KB of
 * texts in two languages, 0.3 KB of code; fetching the exchanges stays in the packs). The next saving to take:
 * both languages' common, wizard, requests, account and errors texts are in the shell (7.8 KB of
 * English that a French-speaking phone downloads and may never read).
 */
const SHELL_BUDGET = 108 * 1024;
/** What it downloads when a procedure is opened, for that procedure to work offline. */
const PACK_BUDGET = 100 * 1024;
const DIST = "dist";
const MANIFEST = join(DIST, ".vite", "manifest.json");
const PACKS = join(DIST, PACKS_FILE);
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
  // What src/app/main.tsx loads before the first render (the catalogue's texts are in its code).
  collect(manifest, `locales/${FIRST_PAGE_LANGUAGE}/common.json`, files);
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

/**
 * A procedure's own files (its flow, its texts) found in the shell: the first visit would then
 * grow with every procedure added.
 */
function proceduresInShell(manifest: Manifest, packs: PrecachePacks, flowIds: string[]): string[] {
  const shell = new Set(packs.shell);
  return Object.entries(manifest)
    .filter(([source]) =>
      flowIds.some(
        (id) => source === `flows/${id}.json` || new RegExp(`^locales/[\\w-]+/${id}\\.json$`).test(source),
      ),
    )
    .map(([, chunk]) => chunk.file)
    .filter((file) => shell.has(file));
}

function main(): number {
  if (!existsSync(MANIFEST)) {
    console.error(`${MANIFEST} is missing: run "npm run build" first.`);
    return 1;
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  const gzipped = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
  const total = (files: string[]) => files.reduce((sum, file) => sum + gzipped(file), 0);
  if (!existsSync(PACKS)) {
    console.error(`${PACKS} is missing: the build's precache-packs plugin did not run.`);
    return 1;
  }
  const packs = JSON.parse(readFileSync(PACKS, "utf8")) as PrecachePacks;
  // The list Workbox injected, with each file's address in quotes.
  const serviceWorker = readFileSync(join(DIST, "sw.js"), "utf8");
  const flowIds = flowFiles("flows").map((file) => basename(file, ".json"));
  let firstPage: string[];
  let wizard: { flowId: string; files: string[] }[];
  try {
    firstPage = firstPageFiles(manifest);
    wizard = flowIds.map((flowId) => ({ flowId, files: wizardFiles(manifest, flowId) }));
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
  const budget = (bytes: number) => kb(bytes).replace(".0", "");
  const shell = total([...packs.shell]);
  console.log(`offline download at the first visit: ${kb(shell)} gzip (budget ${budget(SHELL_BUDGET)})`);
  const packTotals = Object.entries(packs.packs).map(([flowId, files]) => ({
    flowId,
    bytes: total([...files]),
  }));
  for (const { flowId, bytes } of packTotals)
    console.log(
      `offline download when ${flowId} is opened: ${kb(bytes)} gzip (budget ${budget(PACK_BUDGET)})`,
    );
  let failed = false;
  if (packs.shell.length === 0 || shell > SHELL_BUDGET) {
    console.error(
      packs.shell.length === 0
        ? `${PACKS} lists no shell.`
        : `Shell over budget by ${kb(shell - SHELL_BUDGET)}.`,
    );
    failed = true;
  }
  for (const { flowId, bytes } of packTotals)
    if (bytes > PACK_BUDGET) {
      console.error(`Pack of ${flowId} over budget by ${kb(bytes - PACK_BUDGET)}.`);
      failed = true;
    }
  const staffPrecached = packs.staff.filter((file) => serviceWorker.includes(`"${file}"`));
  if (packs.staff.length === 0 || staffPrecached.length > 0) {
    console.error(
      packs.staff.length === 0
        ? `${PACKS} lists no staff page file: is src/staff/index.html still an input of the build?`
        : `The service worker precaches staff pages' files: ${staffPrecached.join(", ")}.`,
    );
    failed = true;
  }
  const onlinePrecached = packs.onlineOnly.filter((file) => serviceWorker.includes(`"${file}"`));
  if (onlinePrecached.length > 0) {
    console.error(`The service worker precaches online-only pages' files: ${onlinePrecached.join(", ")}.`);
    failed = true;
  }
  const misplaced = proceduresInShell(manifest, packs, flowIds);
  if (misplaced.length > 0) {
    console.error(`A procedure's own files are downloaded at the first visit: ${misplaced.join(", ")}.`);
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
