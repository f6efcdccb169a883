/**
 * The language the person chose, kept in localStorage so the next visit opens in it; until they
 * choose, the browser's first language when the app speaks it (English for an English browser).
 * localStorage can throw (storage disabled, some private modes): the choice then lasts for the visit only.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./languages";

const STORAGE_KEY = "pas-a-pas.language";

export function readLanguagePreference(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // No stored choice can be read: the browser's language decides.
  }
  return browserLanguage();
}

/** Only the first language counts: "fr-FR, en" is a French browser that also reads English. */
function browserLanguage(): Language {
  const first = (navigator.languages?.[0] ?? navigator.language ?? "").slice(0, 2).toLowerCase();
  return isLanguage(first) ? first : DEFAULT_LANGUAGE;
}

export function saveLanguagePreference(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered: nothing else to do, the page already shows the chosen language.
  }
}
