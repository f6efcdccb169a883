/** The app's i18n instance with the real French texts, and the flows' fields as the app parses them. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResourceLanguage } from "i18next";
import { addCatalogueTexts, i18n } from "../../../../src/app/i18n/i18n";
import type { FlowText } from "../../../../src/app/wizard/fields/field-props";
import {
  type Field,
  type GroupFieldDef,
  type LeafFieldDef,
  parseFlow,
} from "../../../../src/shared/flow/schema";

const ROOT = join(import.meta.dirname, "../../../..");

function readJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(ROOT, ...path), "utf8"));
}

export async function loadFrenchTexts(): Promise<void> {
  if (i18n.isInitialized) return;
  const files = readdirSync(join(ROOT, "locales/fr")).filter((name) => name.endsWith(".json"));
  const fr: ResourceLanguage = Object.fromEntries(
    files.map((name) => [name.slice(0, -".json".length), readJson("locales/fr", name) as ResourceLanguage]),
  );
  await i18n.init({
    lng: "fr",
    fallbackLng: "fr",
    resources: { fr },
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  addCatalogueTexts();
}

/** Translates a flow's keys as a page of that flow does. */
export function flowText(flowId: string): FlowText {
  const t = i18n.getFixedT("fr", flowId);
  return (key, values) => t(key as never, values as never) as unknown as string;
}

function fieldsOf(flowId: string): Field[] {
  const { flow } = parseFlow(readJson("flows", `${flowId}.json`));
  if (!flow) throw new Error(`flows/${flowId}.json does not parse`);
  return flow.steps.flatMap((step) => ("fields" in step ? step.fields : []));
}

export function leafField(flowId: string, id: string): LeafFieldDef {
  const field = fieldsOf(flowId).find((candidate) => candidate.id === id);
  if (!field || field.type === "group") throw new Error(`${flowId} has no question ${id}`);
  return field;
}

export function groupField(flowId: string, id: string): GroupFieldDef {
  const field = fieldsOf(flowId).find((candidate) => candidate.id === id);
  if (field?.type !== "group") throw new Error(`${flowId} has no group ${id}`);
  return field;
}

/**
 * What a screen reader reads after the name: the texts aria-describedby points to, in order,
 * with no-break spaces (French punctuation) read as spaces.
 */
export function descriptionOf(element: Element): string {
  return (element.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? `(missing #${id})`)
    .join(" ")
    .replace(/\s+/g, " ");
}
