/** What the page should show, read from flows/ and locales/ so tests follow the authors' wording. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

type Texts = { [key: string]: string | Texts };
type MetadataField = "title" | "summary" | "audience" | "department";

const ROOT = join(import.meta.dirname, "..", "..");

function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(ROOT, ...path), "utf8")) as T;
}

export function flowIds(): string[] {
  return readdirSync(join(ROOT, "flows"))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length));
}

/** Resolves an i18next key the way the app does: no namespace means the flow's own namespace. */
export function localeText(language: string, key: string, defaultNamespace: string): string {
  const [namespace, path] = key.includes(":") ? key.split(":", 2) : [defaultNamespace, key];
  const texts = readJson<Texts>("locales", language, `${namespace}.json`);
  const text = (path ?? "")
    .split(".")
    .reduce<string | Texts | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      texts,
    );
  if (typeof text !== "string")
    throw new Error(`no text for ${key} in locales/${language}/${namespace}.json`);
  return text;
}

/** A flow's text as the page shows it: {{params.x}} becomes the parameter's figure, written for people. */
export function flowText(language: string, flowId: string, field: MetadataField): string {
  const flow = readJson<
    Record<MetadataField, string> & { parameters: Record<string, { value: number | string }> }
  >("flows", `${flowId}.json`);
  const figures = new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 });
  return localeText(language, flow[field], flowId).replace(
    /\{\{\s*params\.(\w+)\s*\}\}/g,
    (match, name: string) => {
      const value = flow.parameters[name]?.value;
      return value === undefined ? match : typeof value === "number" ? figures.format(value) : value;
    },
  );
}

export function commonText(language: string, key: string): string {
  return localeText(language, key, "common");
}
