/**
 * Loads a page's code and texts on first visit, so the catalogue stays small: the wizard
 * (XState, the engine, the field components) is its own chunk. preact/compat's lazy() would
 * bring all of compat for this one use.
 */
import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { i18n } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";

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
  const [Page, setPage] = useState<FunctionComponent<P> | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void Promise.all([load(), i18n.loadNamespaces(namespaces)]).then(([component]) => {
      if (current) setPage(() => component);
    });
    return () => {
      current = false;
    };
  }, [load]);
  return Page ? <Page {...props} /> : <p role="status">{t("loading")}</p>;
}
