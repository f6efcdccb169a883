/**
 * The catalogue page only needs each flow's metadata, not its steps: this build-time module reads
 * flows/*.json, validates them with the flow schema (an invalid flow fails the build instead of
 * shipping), and hands the page a virtual module `virtual:flow-catalogue` holding metadata only,
 * with the four catalogue texts of each flow in every language. Carrying those texts (a few
 * hundred bytes) spares the first page a fetch of every procedure's whole text file, and keeps
 * those files out of what the first visit downloads for offline use (src/tools/precache-packs.ts).
 * Its shape is declared for the page in src/app/catalogue/flow-catalogue.d.ts; keep both in step.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";
import { parseFlow } from "../shared/flow/schema";

export interface CatalogueEntry {
  readonly id: string;
  /** Full i18next keys (`procedures:<id>.title`), so the page needs no namespace rules of its own. */
  readonly title: string;
  readonly summary: string;
  readonly audience: string;
  readonly department: string;
  readonly estimatedMinutes: number;
  /** The questions whose answers name the person, so a list of drafts says whose each is. */
  readonly personName: readonly string[];
  /** Parameter values, for texts that show them ({{params.minResidenceMonths}}). */
  readonly parameters: Readonly<Record<string, number | string>>;
}

type CatalogueField = "title" | "summary" | "audience" | "department";
const CATALOGUE_FIELDS: readonly CatalogueField[] = ["title", "summary", "audience", "department"];
/** Per language, per flow id, its catalogue texts: the `procedures` namespace of the page. */
export type CatalogueTexts = Record<string, Record<string, Record<CatalogueField, string>>>;

export interface FlowCatalogue {
  readonly procedures: readonly CatalogueEntry[];
  readonly texts: CatalogueTexts;
}

export const FLOW_CATALOGUE_MODULE = "virtual:flow-catalogue";
export const CATALOGUE_NAMESPACE = "procedures";

type Texts = { readonly [key: string]: string | Texts };

/** An i18next key (`namespace:a.b`, no namespace meaning the flow's own) read from locales/. */
function localeText(localesDir: string, language: string, key: string, flowId: string): string {
  const [namespace, path] = key.includes(":") ? key.split(":", 2) : [flowId, key];
  const file = join(localesDir, language, `${namespace}.json`);
  const texts = JSON.parse(readFileSync(file, "utf8")) as Texts;
  const text = (path ?? "")
    .split(".")
    .reduce<string | Texts | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      texts,
    );
  if (typeof text !== "string") throw new Error(`${file} has no text for ${key} (run npm run flows:check)`);
  return text;
}

export function flowFiles(flowsDir: string): string[] {
  return readdirSync(flowsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(flowsDir, name));
}

export function readFlowCatalogue(flowsDir: string, localesDir: string): FlowCatalogue {
  const languages = readdirSync(localesDir).sort();
  const texts: CatalogueTexts = Object.fromEntries(languages.map((language) => [language, {}]));
  const procedures = flowFiles(flowsDir).map((file) => {
    const { flow, issues } = parseFlow(JSON.parse(readFileSync(file, "utf8")));
    if (!flow) {
      const details = issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n");
      throw new Error(`${file} is not a valid flow (run npm run flows:check):\n${details}`);
    }
    for (const language of languages) {
      const own = Object.fromEntries(
        CATALOGUE_FIELDS.map((field) => [field, localeText(localesDir, language, flow[field], flow.id)]),
      ) as Record<CatalogueField, string>;
      (texts[language] as Record<string, Record<CatalogueField, string>>)[flow.id] = own;
    }
    const key = (field: CatalogueField) => `${CATALOGUE_NAMESPACE}:${flow.id}.${field}`;
    return {
      id: flow.id,
      title: key("title"),
      summary: key("summary"),
      audience: key("audience"),
      department: key("department"),
      estimatedMinutes: flow.estimatedMinutes,
      personName: flow.personName,
      parameters: Object.fromEntries(Object.entries(flow.parameters).map(([id, p]) => [id, p.value])),
    };
  });
  return { procedures, texts };
}

export function flowCataloguePlugin(flowsDir: string, localesDir: string): Plugin {
  const resolvedId = `\0${FLOW_CATALOGUE_MODULE}`;
  const dir = resolve(flowsDir);
  const locales = resolve(localesDir);
  return {
    name: "pas-a-pas:flow-catalogue",
    resolveId(id) {
      return id === FLOW_CATALOGUE_MODULE ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      // Watching the files lets the dev server rebuild the list when an author edits a flow.
      for (const file of flowFiles(dir)) this.addWatchFile(file);
      for (const language of readdirSync(locales))
        for (const file of readdirSync(join(locales, language)))
          this.addWatchFile(join(locales, language, file));
      const { procedures, texts } = readFlowCatalogue(dir, locales);
      return [
        `export const procedures = ${JSON.stringify(procedures)};`,
        `export const namespace = ${JSON.stringify(CATALOGUE_NAMESPACE)};`,
        `export const texts = ${JSON.stringify(texts)};`,
        "",
      ].join("\n");
    },
  };
}
