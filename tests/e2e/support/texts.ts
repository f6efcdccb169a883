/**
 * The words the page should show, read from locales/ the way i18next resolves them (namespaces,
 * plurals, {{values}}), so the tests follow the authors' wording instead of copying it.
 */
import { localeText } from "../../support/flow-texts";

export type Language = "fr" | "en";

type Values = Readonly<Record<string, string | number>>;

/** i18next's `{{name}}` and `{{params.smag}}`; a missing value is left as written, so it shows in a failure. */
export function interpolate(text: string, values: Values = {}): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** `key_one`, `key_other`… chosen with the language's plural rules when a count is given. */
function pluralKey(language: Language, key: string, namespace: string, count: number): string {
  const category = new Intl.PluralRules(language).select(count);
  for (const candidate of [`${key}_${category}`, `${key}_other`]) {
    try {
      localeText(language, candidate, namespace);
      return candidate;
    } catch {
      // Not every language has every plural form: fall back to "other", as i18next does.
    }
  }
  return key;
}

/** A text of any namespace; a key without "ns:" belongs to `namespace`. */
export function textOf(language: Language, key: string, namespace: string, values: Values = {}): string {
  const count = values.count;
  const resolved = typeof count === "number" ? pluralKey(language, key, namespace, count) : key;
  return interpolate(localeText(language, resolved, namespace), values);
}

/** Texts of the wizard's own pages (locales/<lng>/wizard.json). */
export function wizardText(language: Language, key: string, values: Values = {}): string {
  return textOf(language, key, "wizard", values);
}

/** Texts around questions (locales/<lng>/fields.json). */
export function fieldsText(language: Language, key: string, values: Values = {}): string {
  return textOf(language, key, "fields", values);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The arrows some buttons and links get from CSS ("‹ Retour", "Commencer →"): generated content
 * is part of an accessible name, but not of the locale text.
 */
const ARROW = "[‹›←→]?\\s*";

/**
 * Matches exactly one of the texts, whatever the spaces: locale files use non-breaking spaces
 * before French punctuation, and accessible names and text content collapse them.
 */
export function exactly(...texts: string[]): RegExp {
  const alternatives = texts.map((text) => escapeRegExp(text.trim()).replace(/\s+/g, "\\s+"));
  return new RegExp(`^\\s*${ARROW}(?:${alternatives.join("|")})\\s*${ARROW}$`);
}

/** Matches a text anywhere, whatever the spaces. */
export function containing(text: string): RegExp {
  return new RegExp(escapeRegExp(text.trim()).replace(/\s+/g, "\\s+"));
}

/** Matches a text that starts with `prefix` and goes on. */
export function startingWith(prefix: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(prefix.trim()).replace(/\s+/g, "\\s+")}.+$`);
}

/** Matches what any of the patterns matches. */
export function oneOf(...patterns: RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join("|"));
}
