/** The administration's calendar: references are numbered per year in Nouméa, not in UTC. */
const YEAR_IN_NOUMEA = new Intl.DateTimeFormat("en", { timeZone: "Pacific/Noumea", year: "numeric" });

export function yearInNoumea(date: Date): number {
  return Number(YEAR_IN_NOUMEA.format(date));
}
