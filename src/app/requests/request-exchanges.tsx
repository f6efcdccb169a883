/**
 * Under a receipt's status: what is still due or asked, and the messages. The documents left
 * for later are listed from the device until the server's task for them is known, which then
 * takes their place with the form to add them.
 */
import type { RequestRecord } from "../storage/requests";
import { DocumentsStillDue } from "./documents-still-due";
import { RequestMessages } from "./request-messages";
import { RequestTasks } from "./request-tasks";
import { useExchanges } from "./use-exchanges";

export function RequestExchangesSection({ request }: { request: RequestRecord }) {
  const talk = useExchanges(request);
  const laterTask = talk.exchanges?.tasks.some((task) => task.origin === "later");
  return (
    <>
      {!laterTask && <DocumentsStillDue request={request} />}
      {request.status === "sent" && (
        <>
          <RequestTasks request={request} talk={talk} />
          <RequestMessages request={request} talk={talk} />
        </>
      )}
    </>
  );
}
