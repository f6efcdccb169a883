/** A request's queue facets as the columns of its `submissions` row (written with it, then on a correction). */
import { type QueueFacets, searchTextOf } from "../requests/queue-facets";

export function facetColumns(reference: string, facets: QueueFacets) {
  return {
    commune: facets.commune,
    family_quotient: facets.familyQuotient,
    household_resources: facets.householdResources,
    ceiling: facets.ceiling,
    under_ceiling: facets.underCeiling === null ? null : facets.underCeiling ? 1 : 0,
    estimate: facets.estimate,
    applicant_name: facets.applicantName,
    search_text: searchTextOf(reference, facets.applicantName),
  };
}
