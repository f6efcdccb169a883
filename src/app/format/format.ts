/**
 * Numbers, amounts, dates and sizes written the way the administration writes them:
 * "137 280 F", "12 mars 2026", "2,5", "1,2 Mo". Dates through Intl, one formatter per language
 * made once; numbers by hand (below, why).
 */
import type { Language } from "../i18n/languages";

const LOCALE: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/**
 * Numbers are written here rather than by Intl.NumberFormat: making the first one costs a cheap
 * phone 90 to 430 ms (measured at 4x CPU slowdown: ICU loads its number data), on the way to the
 * first question of a procedure page. The rules are the two languages' own (CLDR: fr groups with
 * a narrow no-break space and writes a decimal comma; en-GB a comma and a point), rounding half
 * up on the number's shortest decimal writing as ICU does ("1.005" gives "1,01");
 * tests/unit/app/format/numbers.test.ts holds them equal to Intl's output.
 */
const SEPARATORS: Record<Language, { readonly group: string; readonly decimal: string }> = {
  fr: { group: "\u202f", decimal: "," },
  en: { group: ",", decimal: "." },
};

function written(value: number, language: Language, digits: number): string {
  const shortest = Math.abs(value).toString();
  // Beyond 1e21 or below 1e-6, toString writes an exponent; no amount of a procedure is there.
  if (!Number.isFinite(value) || shortest.includes("e"))
    return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits }).format(value);
  const [whole = "0", fraction = ""] = shortest.split(".");
  let kept = whole + fraction.slice(0, digits).padEnd(digits, "0");
  if ((fraction[digits] ?? "0") >= "5") kept = (BigInt(kept) + 1n).toString().padStart(kept.length, "0");
  const wholePart = kept.slice(0, kept.length - digits) || "0";
  const fractionPart = kept.slice(kept.length - digits).replace(/0+$/, "");
  const { group, decimal } = SEPARATORS[language];
  const grouped = wholePart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  return `${sign}${grouped}${fractionPart ? decimal + fractionPart : ""}`;
}

export function formatNumber(value: number, language: Language): string {
  return written(value, language, 2);
}

/** Francs CFP have no decimals. */
export function formatAmount(value: number, language: Language): string {
  return `${written(Math.round(value), language, 0)}\u00a0F`;
}

const dates = new Map<Language, Intl.DateTimeFormat>();
function dateFormat(language: Language): Intl.DateTimeFormat {
  let format = dates.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dates.set(language, format);
  }
  return format;
}

/** An ISO date ("2026-03-12") as "12 mars 2026", read as a calendar date in any time zone. */
export function formatDate(iso: string, language: Language): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  const written = dateFormat(language).format(Date.UTC(y, m - 1, d));
  // French writes the first of the month as an ordinal: "1er janvier 2026".
  return language === "fr" && d === 1 ? written.replace(/^1(?=\s)/, "1er") : written;
}

const UNITS = { fr: ["o", "Ko", "Mo", "Go"], en: ["B", "KB", "MB", "GB"] } as const;

export function formatBytes(bytes: number, language: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < 3) {
    value /= 1000;
    unit++;
  }
  return `${written(value, language, unit === 0 ? 0 : 1)}\u00a0${UNITS[language][unit]}`;
}

/** Reads an amount typed the way people type it: "150 000", "150000 F", "150.000". */
export function parseAmount(text: string): number | string {
  const digits = text.replace(/[\s\u00a0\u202f.]/g, "").replace(/(?:F|CFP|XPF)$/i, "");
  return /^-?\d{1,15}$/.test(digits) ? Number(digits) : text;
}

/** "14 h 32" in French, as the administration writes it; "14:32" in English. */
export function formatTime(date: Date, language: Language): string {
  const minutes = String(date.getMinutes()).padStart(2, "0");
  return language === "fr" ? `${date.getHours()}\u00a0h\u00a0${minutes}` : `${date.getHours()}:${minutes}`;
}

/** The calendar date of a moment on this device ("2026-11-30"), for formatDate. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
