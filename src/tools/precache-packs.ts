/**
 * What the service worker downloads, and when. The first visit fetches the shell: everything a
 * person can reach without opening a procedure (catalogue, requests, help, common texts). Each
 * procedure's pack (the wizard's code, the flow, its texts) is fetched when the person opens the
 * procedure. So the first visit's download does not grow with the number of procedures, and every
 * procedure the person has opened works offline.
 *
 * The split is read from the bundle's own import graph at build time, so a new module lands in
 * the right group without anyone listing it here: a file is in the shell when the entry reaches
 * it without going through a pack root, and in a procedure's pack when that procedure's roots
 * reach it and the shell does not.
 */
import type { Plugin } from "vite";

/** One output file and the files it loads, statically or with import(). */
export interface BundleFile {
  readonly file: string;
  /** The source module the chunk stands for, when it stands for one. */
  readonly source?: string | undefined;
  readonly isEntry: boolean;
  readonly loads: readonly string[];
}

export interface PrecachePacks {
  /** Files the service worker fetches at install. */
  readonly shell: readonly string[];
  /** Per procedure id, the files fetched when it is opened (shared ones appear in several). */
  readonly packs: Readonly<Record<string, readonly string[]>>;
  /** The staff pages' own files (src/staff): never in the service worker's list. */
  readonly staff: readonly string[];
  /**
   * The online-only pages (ONLINE_ONLY_CODE) and what only they load: never in the service
   * worker's list either, or the first visit would download them all the same.
   */
  readonly onlineOnly: readonly string[];
}

/**
 * Locale namespaces only a procedure's pages read (see procedureNamespaces in src/app/app.tsx);
 * `wizard` stays in the shell: a receipt reads it too. `exchanges`: what the province asks and
 * the messages, shown on a receipt by code of the wizard's (src/app/wizard/exchanges).
 */
const WIZARD_NAMESPACES = new Set(["fields", "glossary", "exchanges"]);
/**
 * The wizard's lazy modules (its route, and the session a procedure page opens early), and the
 * sending of the person's answers to the province: only the wizard's code records one (a
 * receipt's exchanges, src/app/wizard/exchanges), so a device with one to send has the pack.
 */
const WIZARD_CODE = /[/\\]src[/\\]app[/\\](?:wizard[/\\]|sync[/\\]answers-outbox\.ts$)/;
/**
 * Code that needs the network anyway, never precached, so a phone's first visit does not
 * download what it may never use: handing a draft over goes through the server (and carries a
 * QR code encoder); the connected space's post mode (and its in-memory IndexedDB) runs on PCs
 * on the connected space's network, and a post that cannot load it shows nothing rather than
 * fall back to storage that outlives the person (main.tsx). A signed-in draft's documents go up
 * and come down only online (sync/draft-documents.ts, with the "keep both" copy it makes).
 */
const ONLINE_ONLY_CODE =
  /[/\\](?:src[/\\]app[/\\](?:handoff|post)[/\\]|node_modules[/\\]fake-indexeddb[/\\]|src[/\\]app[/\\]sync[/\\]draft-documents\.ts$)/;
/** The texts of those online-only pages. */
const ONLINE_ONLY_NAMESPACES = new Set(["handoff", "post"]);

/**
 * The staff pages (src/staff, their HTML under dist/src/staff/, their texts): an app apart, for
 * the province's PCs and tablets, which a citizen's phone never downloads.
 */
const STAFF_CODE = /(?:^|[/\\])src[/\\]staff[/\\]/;
/**
 * Their texts, with the back office's (`agents`: decision reasons, queues) and the notices the
 * server sends (`messages`): the citizens' i18n could load any namespace, so the build has a chunk
 * for each, but no citizen page reads these.
 */
const STAFF_NAMESPACES = new Set(["staff", "agents", "messages"]);

function isStaffOwn(file: BundleFile): boolean {
  const source = file.source ?? file.file;
  const namespace = LOCALE_FILE.exec(source)?.[1];
  return STAFF_CODE.test(source) || (namespace !== undefined && STAFF_NAMESPACES.has(namespace));
}

function isOnlineOnly(source: string): boolean {
  const namespace = LOCALE_FILE.exec(source)?.[1];
  return ONLINE_ONLY_CODE.test(source) || (namespace !== undefined && ONLINE_ONLY_NAMESPACES.has(namespace));
}

const FLOW_FILE = /[/\\]flows[/\\]([\w-]+)\.json$/;
const LOCALE_FILE = /[/\\]locales[/\\][\w-]+[/\\]([\w-]+)\.json$/;

/** The roots of a procedure's pack, and the flow ids they exist for. */
function packRoots(files: readonly BundleFile[], flowIds: readonly string[]): Map<string, Set<string>> {
  const roots = new Map<string, Set<string>>(flowIds.map((id) => [id, new Set<string>()]));
  for (const { file, source } of files) {
    if (!source) continue;
    const flow = source.match(FLOW_FILE)?.[1];
    const namespace = source.match(LOCALE_FILE)?.[1];
    for (const [id, set] of roots) {
      if (WIZARD_CODE.test(source) || flow === id || namespace === id) set.add(file);
      else if (namespace && WIZARD_NAMESPACES.has(namespace)) set.add(file);
    }
  }
  return roots;
}

function reach(starts: Iterable<string>, graph: Map<string, BundleFile>, stopAt: Set<string>): Set<string> {
  const seen = new Set<string>();
  const pending = [...starts];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of graph.get(file)?.loads ?? []) if (!stopAt.has(next)) pending.push(next);
  }
  return seen;
}

/** The staff pages' own files, and what only they load (a library the citizens' app never uses). */
function staffFiles(files: readonly BundleFile[], graph: Map<string, BundleFile>): Set<string> {
  const own = new Set(files.filter(isStaffOwn).map((f) => f.file));
  const citizenEntries = files.filter((f) => f.isEntry && !own.has(f.file)).map((f) => f.file);
  const citizens = reach(citizenEntries, graph, own);
  const staff = reach(own, graph, new Set());
  return new Set([...staff].filter((file) => own.has(file) || !citizens.has(file)));
}

export function splitPrecache(files: readonly BundleFile[], flowIds: readonly string[]): PrecachePacks {
  const graph = new Map(files.map((f) => [f.file, f]));
  const staff = staffFiles(files, graph);
  const roots = packRoots(
    files.filter((f) => !staff.has(f.file)),
    flowIds,
  );
  const allRoots = new Set([...roots.values()].flatMap((set) => [...set]));
  const onlineOnly = files.filter((f) => f.source && isOnlineOnly(f.source)).map((f) => f.file);
  const entries = files.filter((f) => f.isEntry && !staff.has(f.file)).map((f) => f.file);
  const shell = reach(entries, graph, new Set([...allRoots, ...onlineOnly, ...staff]));
  // Files no chunk loads (the favicon, a stylesheet of the page itself) belong to the shell too.
  const reachedByAll = reach([...entries, ...allRoots, ...onlineOnly, ...staff], graph, new Set());
  for (const { file } of files) if (!reachedByAll.has(file)) shell.add(file);
  const packs = Object.fromEntries(
    [...roots].map(([id, set]) => {
      // The wizard can load every flow: another procedure's own files are not part of this pack.
      const others = new Set([...allRoots].filter((file) => !set.has(file)));
      const stopAt = new Set([...others, ...onlineOnly, ...staff]);
      return [id, [...reach(set, graph, stopAt)].filter((file) => !shell.has(file)).sort()];
    }),
  );
  const inPacks = new Set(Object.values(packs).flat());
  const online = [...reach(onlineOnly, graph, new Set())].filter(
    (file) => !shell.has(file) && !inPacks.has(file) && !staff.has(file),
  );
  return { shell: [...shell].sort(), packs, staff: [...staff].sort(), onlineOnly: online.sort() };
}

/**
 * The service worker's list from Workbox's: each procedure's files tagged with it (fetched when
 * it is opened), the staff pages' and the online-only pages' files left out.
 */
export function precacheManifest<Entry extends { url: string }>(
  entries: readonly Entry[],
  split: PrecachePacks,
): (Entry & { flows?: string[] })[] {
  const flowsOf = new Map<string, string[]>();
  for (const [id, pack] of Object.entries(split.packs))
    for (const file of pack) flowsOf.set(file, [...(flowsOf.get(file) ?? []), id]);
  const left = new Set([...split.staff, ...split.onlineOnly]);
  return entries
    .filter((entry) => !left.has(entry.url))
    .map((entry) => {
      const flows = flowsOf.get(entry.url);
      return flows ? { ...entry, flows } : entry;
    });
}

export const PACKS_FILE = ".vite/precache-packs.json";

/**
 * Computes the split from the bundle and hands it to whoever needs it in the same build: the
 * service worker's precache list (through `tagPackEntries`) and `npm run budget` (a file under
 * .vite/, which is neither served nor precached).
 */
export function precachePacksPlugin(flowIds: readonly string[]): {
  plugin: Plugin;
  tagPackEntries: <Entry extends { url: string }>(
    entries: Entry[],
  ) => Promise<{ manifest: (Entry & { flows?: string[] })[] }>;
} {
  let split: PrecachePacks | undefined;
  const plugin: Plugin = {
    name: "pas-a-pas:precache-packs",
    apply: "build",
    // After Vite's own hooks, which drop the chunks that only held CSS.
    enforce: "post",
    generateBundle(_options, bundle) {
      const files: BundleFile[] = Object.values(bundle).map((output) =>
        output.type === "chunk"
          ? {
              file: output.fileName,
              source: output.facadeModuleId ?? undefined,
              isEntry: output.isEntry,
              loads: [
                ...output.imports,
                ...output.dynamicImports,
                ...(output.viteMetadata?.importedCss ?? []),
                ...(output.viteMetadata?.importedAssets ?? []),
              ],
            }
          : { file: output.fileName, isEntry: false, loads: [] },
      );
      split = splitPrecache(files, flowIds);
      for (const [id, pack] of Object.entries(split.packs)) {
        const unhashed = pack.filter((file) => !file.startsWith("assets/"));
        // The service worker keys pack files by address alone: only hashed names make that safe.
        if (unhashed.length > 0)
          this.error(`pack of ${id} holds files without a hash: ${unhashed.join(", ")}`);
      }
      this.emitFile({ type: "asset", fileName: PACKS_FILE, source: `${JSON.stringify(split, null, 1)}\n` });
    },
  };
  const tagPackEntries = async <Entry extends { url: string }>(entries: Entry[]) => {
    if (!split) throw new Error("the precache split is computed by the client build, which did not run");
    return { manifest: precacheManifest(entries, split) };
  };
  return { plugin, tagPackEntries };
}
