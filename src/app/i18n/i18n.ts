/**
 * One i18next instance for the page. Each locales/<language>/<namespace>.json becomes its own chunk
 * and is fetched only when needed: the first page loads `common` and the namespaces of the catalogue
 * texts, a procedure page will load its flow's namespace.
 */
import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { saveLanguagePreference } from "./language-preference";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./languages";

export const i18n = i18next.createInstance();

export async function startI18n(language: Language, namespaces: readonly string[]): Promise<void> {
  i18n.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  await i18n
    .use(resourcesToBackend((lng: string, ns: string) => import(`../../../locales/${lng}/${ns}.json`)))
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES,
      load: "languageOnly",
      ns: ["common", ...namespaces],
      defaultNS: "common",
      // Preact escapes text itself; escaping here too would show &amp; and the like.
      interpolation: { escapeValue: false },
      returnEmptyString: false,
    });
}

/** Switches the page and remembers the choice; resolves once the texts are loaded and shown. */
export async function chooseLanguage(language: Language): Promise<void> {
  saveLanguagePreference(language);
  await i18n.changeLanguage(language);
}
