/**
 * Numbers, amounts, dates and sizes written the way the administration writes them:
 * "137 280 F", "12 mars 2026", "2,5", "1,2 Mo". Intl does the work; one formatter per language
 * and kind, made once: making one costs milliseconds on a cheap phone, using one does not.
 */
import type { Language } from "../i18n/languages";

const LOCALE: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

const numbers = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let format = numbers.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits });
    numbers.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language, 2).format(value);
}

/** Francs CFP have no decimals. */
export function formatAmount(value: number, language: Language): string {
  return `${numberFormat(language, 0).format(Math.round(value))}\u00a0F`;
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
  return `${numberFormat(language, unit === 0 ? 0 : 1).format(value)}\u00a0${UNITS[language][unit]}`;
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
