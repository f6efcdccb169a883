import { chooseLanguage } from "../i18n/i18n";
import { LANGUAGES } from "../i18n/languages";
import { useTranslation } from "../i18n/use-translation";

/** Each language is named in itself ("English" on the French page), so its speakers can find it. */
export function LanguageSwitch() {
  const { t, language } = useTranslation();
  return (
    <fieldset class="language-switch">
      <legend class="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === language}
          onClick={() => void chooseLanguage(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </fieldset>
  );
}
