/** The administration's calendar: references are numbered per year in Nouméa, not in UTC. */
const YEAR_IN_NOUMEA = new Intl.DateTimeFormat("en", { timeZone: "Pacific/Noumea", year: "numeric" });

const HOUR_MS = 3600 * 1000;
/** Nouméa's offset is a whole number of hours, so its year changes on a UTC hour: asked once an hour. */
let known: { readonly hour: number; readonly year: number } | undefined;

export function yearInNoumea(date: Date): number {
  const hour = Math.floor(date.getTime() / HOUR_MS);
  if (known?.hour !== hour) known = { hour, year: Number(YEAR_IN_NOUMEA.format(date)) };
  return known.year;
}
