/**
 * The language the person chose, kept in localStorage so the next visit opens in it.
 * localStorage can throw (storage disabled, some private modes): the choice then lasts for the visit only.
 */
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./languages";

const STORAGE_KEY = "pas-a-pas.language";

export function readLanguagePreference(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function saveLanguagePreference(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered: nothing else to do, the page already shows the chosen language.
  }
}
