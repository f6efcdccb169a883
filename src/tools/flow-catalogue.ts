/**
 * The catalogue page only needs each flow's metadata, not its steps: this build-time module reads
 * flows/*.json, validates them with the flow schema (an invalid flow fails the build instead of
 * shipping), and hands the page a virtual module `virtual:flow-catalogue` holding metadata only.
 * Its shape is declared for the page in src/app/catalogue/flow-catalogue.d.ts; keep both in step.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";
import { parseFlow } from "../shared/flow/schema";

export interface CatalogueEntry {
  readonly id: string;
  /** Full i18next keys (`namespace:key`), so the page needs no namespace rules of its own. */
  readonly title: string;
  readonly summary: string;
  readonly audience: string;
  readonly department: string;
  readonly estimatedMinutes: number;
  /** Parameter values, for texts that show them ({{params.minResidenceMonths}}). */
  readonly parameters: Readonly<Record<string, number | string>>;
}

export interface FlowCatalogue {
  readonly procedures: readonly CatalogueEntry[];
  /** The locale namespaces these keys live in: what the page must load before showing the list. */
  readonly namespaces: readonly string[];
}

export const FLOW_CATALOGUE_MODULE = "virtual:flow-catalogue";

export function flowFiles(flowsDir: string): string[] {
  return readdirSync(flowsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(flowsDir, name));
}

export function readFlowCatalogue(flowsDir: string): FlowCatalogue {
  const procedures = flowFiles(flowsDir).map((file) => {
    const { flow, issues } = parseFlow(JSON.parse(readFileSync(file, "utf8")));
    if (!flow) {
      const details = issues.map((issue) => `  ${issue.path}: ${issue.message}`).join("\n");
      throw new Error(`${file} is not a valid flow (run npm run flows:check):\n${details}`);
    }
    const key = (text: string) => (text.includes(":") ? text : `${flow.id}:${text}`);
    return {
      id: flow.id,
      title: key(flow.title),
      summary: key(flow.summary),
      audience: key(flow.audience),
      department: key(flow.department),
      estimatedMinutes: flow.estimatedMinutes,
      parameters: Object.fromEntries(Object.entries(flow.parameters).map(([id, p]) => [id, p.value])),
    };
  });
  const namespaces = new Set(
    procedures.flatMap((p) =>
      [p.title, p.summary, p.audience, p.department].map((k) => k.split(":")[0] ?? ""),
    ),
  );
  return { procedures, namespaces: [...namespaces].sort() };
}

export function flowCataloguePlugin(flowsDir: string): Plugin {
  const resolvedId = `\0${FLOW_CATALOGUE_MODULE}`;
  const dir = resolve(flowsDir);
  return {
    name: "pas-a-pas:flow-catalogue",
    resolveId(id) {
      return id === FLOW_CATALOGUE_MODULE ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      // Watching the files lets the dev server rebuild the list when an author edits a flow.
      for (const file of flowFiles(dir)) this.addWatchFile(file);
      const { procedures, namespaces } = readFlowCatalogue(dir);
      return `export const procedures = ${JSON.stringify(procedures)};\nexport const namespaces = ${JSON.stringify(namespaces)};\n`;
    },
  };
}
