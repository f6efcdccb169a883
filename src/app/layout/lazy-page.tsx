/**
 * Loads a page's code and texts on first visit, so the catalogue stays small: the wizard
 * (XState, the engine, the field components) is its own chunk. preact/compat's lazy() would
 * bring all of compat for this one use.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { i18n } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import { PageLoadFailed } from "./page-load-failed";

type Loader<P> = () => Promise<FunctionComponent<P>>;

export function LazyPage<P extends object>({
  load,
  namespaces,
  props,
}: {
  load: Loader<P>;
  namespaces: string[];
  props: P;
}) {
  const { t } = useTranslation();
  // Kept with the loader it came from: moving to another lazy page must never render the
  // previous page with the next one's props, even for the one render before the effect runs.
  const [loaded, setLoaded] = useState<{ load: Loader<P>; Page: FunctionComponent<P> } | undefined>();
  const [failed, setFailed] = useState<Loader<P> | undefined>();
  useEffect(() => {
    let current = true;
    Promise.all([load(), i18n.loadNamespaces(namespaces)]).then(
      ([Page]) => current && setLoaded({ load, Page }),
      // Its code is gone: this tab runs a version another tab replaced, or the network failed.
      () => current && setFailed(() => load),
    );
    return () => {
      current = false;
    };
  }, [load]);
  if (failed === load) return <PageLoadFailed />;
  if (loaded?.load !== load) return <p role="status">{t("loading")}</p>;
  return <loaded.Page {...props} />;
}
