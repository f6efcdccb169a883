import { isLanguage, type Language } from "./languages";

/**
 * The catalogue is prerendered HTML, so its language buttons show before the app has started
 * (its texts are still loading); on a slow phone a person may tap "English" in that second.
 * Their tap is remembered here and honoured once the app has started, instead of being lost.
 * Returns a function that stops listening and gives the language tapped, if any.
 */
export function listenForEarlyLanguageChoice(): () => Language | undefined {
  let tapped: Language | undefined;
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null;
    const language = target?.closest(".language-switch button")?.getAttribute("lang");
    if (isLanguage(language)) tapped = language;
  };
  document.addEventListener("click", onClick);
  return () => {
    document.removeEventListener("click", onClick);
    return tapped;
  };
}
