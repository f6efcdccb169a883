/** A small stand-in for react-i18next's hook: re-renders the component when the language changes. */
import { useEffect, useReducer } from "preact/hooks";
import { i18n } from "./i18n";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./languages";

/** For keys that come from data (flow files), which the compiler cannot check against common.json. */
export function translateKey(key: string, options?: Record<string, unknown>): string {
  return i18n.t(key as never, options);
}

export function useTranslation() {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const onChange = () => rerender(undefined);
    i18n.on("languageChanged", onChange);
    return () => i18n.off("languageChanged", onChange);
  }, []);
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return { t: i18n.t, translateKey, language };
}
