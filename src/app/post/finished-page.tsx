/**
 * /fini: after "J'ai fini" (or the idle timeout), the post checks that nothing of the person is
 * left (databases, caches other than the app shell, both storages, cookies other than the post's)
 * before saying so. If something is, it wipes again and checks again; never the sentence unchecked.
 */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { paths } from "../routing/routes";
import { whatIsLeft, wipeWhatIsLeft } from "./leave-no-trace";

export function FinishedPage() {
  const { t } = useTranslation();
  const [clean, setClean] = useState<boolean>();
  usePageTitle(t("post:finishedPage.title"));

  useEffect(() => {
    void (async () => {
      if ((await whatIsLeft()).length > 0) await wipeWhatIsLeft();
      setClean((await whatIsLeft()).length === 0);
    })();
  }, []);

  if (clean === undefined) return <p role="status">{t("post:finishedPage.checking")}</p>;
  if (!clean)
    return (
      <div role="alert">
        <h1>{t("post:finishedPage.title")}</h1>
        <p>{t("post:finishedPage.notClean")}</p>
      </div>
    );
  return (
    <div>
      <h1>{t("post:finishedPage.nothingLeft")}</h1>
      <p>{t("post:finishedPage.nothingLeftText")}</p>
      <p>
        <Link class="button" href={paths.catalogue()}>
          {t("post:finishedPage.start")}
        </Link>
      </p>
    </div>
  );
}
