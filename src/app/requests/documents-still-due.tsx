/**
 * The documents a request still waits for ("je l'enverrai plus tard"), listed on its receipt so
 * the person knows what to keep aside. Their names were kept with the request when it was made,
 * so the receipt needs neither its answers (dropped once sent) nor its flow.
 */
import { useEffect, useState } from "preact/hooks";
import { i18n } from "../i18n/i18n";
import { useTranslation } from "../i18n/use-translation";
import type { RequestRecord } from "../storage/requests";

export function DocumentsStillDue({ request }: { request: RequestRecord }) {
  const { t, translateKey } = useTranslation();
  const due = request.documentsDue ?? [];
  // The names are the procedure's texts: on the device since the person made the request with them.
  const [namesReady, setNamesReady] = useState(false);
  useEffect(() => {
    if (due.length === 0) return;
    let current = true;
    void i18n.loadNamespaces(request.flowId).then(
      () => current && setNamesReady(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [request.flowId, due.length]);
  if (due.length === 0) return null;
  return (
    <section class="request-due" aria-labelledby="due-heading">
      <h2 id="due-heading">{t("requests:due.heading", { count: due.length })}</h2>
      {namesReady && (
        <ul class="checklist">
          {due.map((key) => (
            <li key={key} class="checklist__item--todo">
              {translateKey(key)}
            </li>
          ))}
        </ul>
      )}
      <p>{t("requests:due.next", { count: due.length })}</p>
    </section>
  );
}
