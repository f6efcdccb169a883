/**
 * The reasons each department gives for a refusal or a closing without follow-up, as agents pick
 * them (a list, plus their own words): the DERES for the school grant, the DPASS for medical aid.
 * The codes are kept with the decision; their French labels are in locales/fr/agents.json.
 */
import type { FrenchTexts } from "../flows/french-texts";

export type ReasonedAction = "refuse" | "close";

const REASONS: Readonly<Record<string, Readonly<Record<ReasonedAction, readonly string[]>>>> = {
  "bourse-scolaire": {
    refuse: ["over_ceiling", "not_resident", "school_not_eligible", "documents_missing"],
    close: ["withdrawn", "duplicate", "no_answer"],
  },
  "aide-medicale": {
    refuse: ["over_ceiling", "not_resident", "other_cover", "documents_missing"],
    close: ["withdrawn", "duplicate", "no_answer"],
  },
};

const NONE: Readonly<Record<ReasonedAction, readonly string[]>> = { refuse: [], close: [] };

export function reasonCodes(flowId: string, action: ReasonedAction): readonly string[] {
  return (REASONS[flowId] ?? NONE)[action];
}

export function reasonsOf(flowId: string, texts: FrenchTexts) {
  const labelled = (action: ReasonedAction) =>
    reasonCodes(flowId, action).map((code) => ({ code, label: reasonLabel(texts, code) }));
  return { refuse: labelled("refuse"), close: labelled("close") };
}

export function reasonLabel(texts: FrenchTexts, code: string): string {
  return texts.text(`reasons.${code}`, "agents") ?? code;
}
