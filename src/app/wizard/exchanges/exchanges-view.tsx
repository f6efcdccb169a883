import "./exchanges.css";
/**
 * Under a sent request's receipt: what is still due or asked, and the messages. The documents
 * left for later are listed from the device until the server's task for them is known, which
 * then takes their place with the form to add them. With the wizard's code (a procedure's
 * offline pack): answering uses its document field, and a phone's first visit stays small.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { i18n } from "../../i18n/i18n";
import type { RequestRecord } from "../../storage/requests";
import { RequestMessages } from "./request-messages";
import { RequestTasks } from "./request-tasks";
import { useExchanges } from "./use-exchanges";

/** `children`: the documents still due as the device lists them, shown until the server's task replaces them. */
export function ExchangesView({
  request,
  children,
}: {
  request: RequestRecord;
  children: ComponentChildren;
}) {
  const talk = useExchanges(request);
  const [texts, setTexts] = useState(false);
  useEffect(() => {
    void i18n.loadNamespaces("exchanges").then(
      () => setTexts(true),
      () => undefined,
    );
  }, []);
  const laterTask = talk.exchanges?.tasks.some((task) => task.origin === "later");
  return (
    <>
      {!(texts && laterTask) && children}
      {texts && (
        <>
          <RequestTasks request={request} talk={talk} />
          <RequestMessages request={request} talk={talk} />
        </>
      )}
    </>
  );
}
