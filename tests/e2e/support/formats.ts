/**
 * Numbers, amounts and dates as a reader of each language expects them ("150 000 F" and
 * "14 mars 2016" in French, "150,000 F" and "14 March 2016" in English), written here from Intl
 * rather than taken from the app, so the tests check the app's formatting instead of repeating it.
 */
import type { Language } from "./texts";

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(value);
}

/** Francs CFP have no decimals; "F" after a non-breaking space in both languages. */
export function formatAmount(language: Language, value: number): string {
  return `${new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(value)}\u00a0F`;
}

/** "2016-03-14" as "14 mars 2016" / "14 March 2016". */
export function formatDate(language: Language, iso: string): string {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, month - 1, day));
}
