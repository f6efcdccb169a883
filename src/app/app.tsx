import { useEffect } from "preact/hooks";
import { CataloguePage } from "./catalogue/catalogue-page";
import { useTranslation } from "./i18n/use-translation";
import { SiteHeader } from "./layout/site-header";

export function App() {
  const { t, language } = useTranslation();
  useEffect(() => {
    document.title = t("app.name");
  }, [t, language]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t("skipLink")}
      </a>
      <SiteHeader />
      <main id="main" class="page" tabIndex={-1}>
        <CataloguePage />
      </main>
    </>
  );
}
