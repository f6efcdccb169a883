/**
 * The staff pages' i18next: one namespace, `staff` (locales/<lng>/staff.json), fetched as its own
 * chunk. The language is the one the person chose on the citizens' pages of this browser, else
 * the browser's (src/app/i18n/language-preference.ts).
 */
import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { readLanguagePreference } from "../../app/i18n/language-preference";
import { DEFAULT_LANGUAGE, LANGUAGES } from "../../app/i18n/languages";

export const i18n = i18next.createInstance();

export async function startStaffI18n(): Promise<void> {
  await i18n
    .use(
      resourcesToBackend((lng: string) =>
        import(`../../../locales/${lng}/staff.json`).then((texts: { default: object }) => texts.default),
      ),
    )
    .init({
      lng: readLanguagePreference(),
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: LANGUAGES,
      load: "languageOnly",
      ns: ["staff"],
      defaultNS: "staff",
      // Preact escapes text itself.
      interpolation: { escapeValue: false },
      returnEmptyString: false,
    });
  document.documentElement.lang = i18n.language;
}

/** The staff pages do not switch language while open: `t` needs no re-render hook. */
export const t = i18n.t;
