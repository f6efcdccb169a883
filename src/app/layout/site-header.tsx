import { useTranslation } from "../i18n/use-translation";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader() {
  const { t } = useTranslation();
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <div>
          <p class="site-header__name">{t("app.name")}</p>
          <p class="site-header__tagline">{t("app.tagline")}</p>
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
