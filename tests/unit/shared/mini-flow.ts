import { type Flow, parseFlow } from "../../../src/shared/flow/schema";
import raw from "../../fixtures/flows/mini.json";
import texts from "../../fixtures/flows/mini.locale.json";

/** A small flow with every construct: branching, a skipped step, a repeat group, two outcomes. */
export function miniFlow(): Flow {
  const { flow, issues } = parseFlow(structuredClone(raw));
  if (!flow) throw new Error(JSON.stringify(issues));
  return flow;
}

export const miniRaw = raw;
export const miniLocales = { fr: { mini: texts, glossary: {} }, en: { mini: texts, glossary: {} } };
