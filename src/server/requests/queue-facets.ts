/**
 * What the agents' queues filter and sort on, worked out once when a request is recorded: the
 * answers are JSON text no index can reach, and a queue of 100,000 requests must answer in
 * milliseconds. Computed values come from the engine, as the citizen saw them.
 */
import { type Answers, appliedAnyway } from "../../shared/engine/answers";
import { computeValues } from "../../shared/engine/computed";
import type { Flow } from "../../shared/flow/schema";

/** "likely": the answers passed every eligibility step; "unlikely": the person applied anyway. */
export type EligibilityEstimate = "likely" | "unlikely";

export interface QueueFacets {
  readonly commune: string | null;
  /** The school grant's family quotient (CFP a month); null for a procedure without one. */
  readonly familyQuotient: number | null;
  /** The household's resources and the ceiling they are held against, when the flow has them. */
  readonly householdResources: number | null;
  readonly ceiling: number | null;
  /** The figure the rules hold against the ceiling (quotient or resources) is at most the ceiling. */
  readonly underCeiling: boolean | null;
  readonly estimate: EligibilityEstimate;
  /** The applicant's names as they typed them, for the queue's rows. */
  readonly applicantName: string;
}

export function queueFacets(flow: Flow, answers: Answers): QueueFacets {
  const computed = new Map(computeValues(flow, answers).map((c) => [c.id, c.value]));
  const familyQuotient = wholeNumber(computed.get("familyQuotient"));
  const ceiling = wholeNumber(computed.get("ceiling"));
  const stated = computed.get("underCeiling");
  return {
    commune: typeof answers.commune === "string" ? answers.commune : null,
    familyQuotient,
    householdResources: wholeNumber(computed.get("householdResources") ?? answers.monthlyResources),
    ceiling,
    underCeiling:
      typeof stated === "boolean"
        ? stated
        : familyQuotient !== null && ceiling !== null
          ? familyQuotient <= ceiling
          : null,
    estimate: appliedAnyway(answers).length > 0 ? "unlikely" : "likely",
    applicantName: flow.personName
      .map((id) => answers[id])
      .filter((part): part is string => typeof part === "string" && part.trim() !== "")
      .join(" ")
      .slice(0, 200),
  };
}

/**
 * Lower case, without accents or punctuation, single spaces: "Léa N'Diaye" is found by "lea
 * ndiaye" and "LÉA". Queries normalise what the agent typed the same way.
 */
export function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}-]+/gu, " ")
    .trim();
}

/** The reference and the names, in one column a LIKE can search. */
export function searchTextOf(reference: string, applicantName: string): string {
  return `${searchable(reference)} ${searchable(applicantName)}`.slice(0, 300);
}

function wholeNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null;
}
