import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { useSignedInHint } from "../sync/signed-in-hint";
import { LanguageSwitch } from "./language-switch";

export function SiteHeader() {
  const { t } = useTranslation();
  const signedIn = useSignedInHint();
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <div>
          <p class="site-header__name">
            {/* The name leads back to the list of procedures, as on most sites. */}
            <Link href={paths.catalogue()}>{t("app.name")}</Link>
          </p>
          <p class="site-header__tagline">{t("app.tagline")}</p>
        </div>
        <div class="site-header__tools">
          <Link class="site-header__account" href={signedIn ? paths.account() : paths.signIn()}>
            {signedIn ? t("header.mySpace") : t("header.signIn")}
          </Link>
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
