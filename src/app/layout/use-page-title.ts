import { useEffect } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";

/** The tab's title names the page first ("Vos enfants – Bourse scolaire – Pas à pas"). */
export function usePageTitle(...parts: string[]): void {
  const { t } = useTranslation();
  const title = [...new Set([...parts, t("app.name")])].join(" – ");
  useEffect(() => {
    document.title = title;
  }, [title]);
}
