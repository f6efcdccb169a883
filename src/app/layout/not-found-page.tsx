import { useTranslation } from "../i18n/use-translation";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { usePageTitle } from "./use-page-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t("notFound.title"));
  return (
    <>
      <h1 tabIndex={-1}>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <Link href={paths.catalogue()}>{t("notFound.back")}</Link>
    </>
  );
}
