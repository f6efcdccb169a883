/**
 * Under a receipt's status: the documents still due and, once sent, what the province asks and
 * the messages. Those come with the procedure's offline pack (src/app/wizard/exchanges), loaded
 * on use; until then, or where it cannot load (offline, a procedure never opened here), the
 * documents still due are listed from the device.
 */
import { useEffect, useState } from "preact/hooks";
import type { RequestRecord } from "../storage/requests";
import { DocumentsStillDue } from "./documents-still-due";

type View = Awaited<ReturnType<typeof import("../wizard/exchanges/load-exchanges-view").loadExchangesView>>;

export function RequestExchangesSection({ request }: { request: RequestRecord }) {
  const sent = request.status === "sent";
  const [View, setView] = useState<View>();
  useEffect(() => {
    if (!sent) return;
    void import("../wizard/exchanges/load-exchanges-view")
      .then((m) => m.loadExchangesView())
      .then(
        (view) => setView(() => view),
        () => undefined,
      );
  }, [sent]);
  const due = <DocumentsStillDue request={request} />;
  return View ? <View request={request}>{due}</View> : due;
}
