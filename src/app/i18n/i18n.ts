/**
 * One i18next instance for the page. Each locales/<language>/<namespace>.json becomes its own chunk
 * and is fetched only when needed: the first page loads `common` and the namespaces of the catalogue
 * texts, a procedure page will load its flow's namespace.
 */
import { namespace as catalogueNamespace, texts as catalogueTexts } from "virtual:flow-catalogue";
import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { onPost } from "../post/post-mode";
import { saveLanguagePreference } from "./language-preference";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./languages";

export const i18n = i18next.createInstance();

export async function startI18n(language: Language, namespaces: readonly string[]): Promise<void> {
  i18n.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  await i18n.use(resourcesToBackend((lng: string, ns: string) => loadNamespace(lng, ns))).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    load: "languageOnly",
    ns: ["common", ...(onPost() ? ["post"] : []), ...namespaces],
    defaultNS: "common",
    // Preact escapes text itself; escaping here too would show &amp; and the like.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  addCatalogueTexts();
}

type Tree = { [key: string]: string | Tree };

async function loadNamespace(lng: string, ns: string): Promise<Tree> {
  const texts = (await import(`../../../locales/${lng}/${ns}.json`)) as { default: Tree };
  if (!onPost() || ns === "post") return texts.default;
  // On a post, texts that speak of "this device" speak of "this post" (locales/<lng>/post.json).
  const post = (await import(`../../../locales/${lng}/post.json`)) as {
    default: { overrides: Record<string, Tree> };
  };
  const override = post.default.overrides[ns];
  return override ? merged(texts.default, override) : texts.default;
}

function merged(base: Tree, override: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const under = out[key];
    out[key] = typeof value === "object" && typeof under === "object" ? merged(under, value) : value;
  }
  return out;
}

/**
 * Each procedure's title, summary, audience and department, in every language, came with the
 * code (src/tools/flow-catalogue.ts): listing procedures fetches none of their text files.
 */
export function addCatalogueTexts(): void {
  for (const [language, texts] of Object.entries(catalogueTexts))
    i18n.addResourceBundle(language, catalogueNamespace, texts);
}

/** Switches the page and remembers the choice; resolves once the texts are loaded and shown. */
export async function chooseLanguage(language: Language): Promise<void> {
  saveLanguagePreference(language);
  await i18n.changeLanguage(language);
}
