/**
 * Finished requests read from the device, kept up to date while a page shows them: the sender
 * publishes what it is doing (document 2 of 3, 40 %) and re-renders the page; when it reports
 * one sent or refused, it has just written the official reference or the problem to the device,
 * so the records are read again. Another tab may be the one sending (one sender per device):
 * coming back to this tab reads them again too.
 */
import { useEffect, useReducer, useState } from "preact/hooks";
import { useOnline } from "../pwa/use-online";
import type { RequestRecord } from "../storage/requests";
import { liveStatus, onLiveStatus } from "../sync/sender";
import { type RequestState, requestState } from "./request-state";

export interface LiveRequests {
  /** undefined while the device is read. */
  readonly requests: readonly RequestRecord[] | undefined;
  readonly stateOf: (request: RequestRecord) => RequestState;
}

/** `read` is called again whenever `key` changes (the request shown, for a receipt). */
export function useLiveRequests(read: () => Promise<readonly RequestRecord[]>, key?: string): LiveRequests {
  const [requests, setRequests] = useState<readonly RequestRecord[] | undefined>(undefined);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const online = useOnline();
  useEffect(() => {
    let current = true;
    let shown: readonly RequestRecord[] = [];
    const reload = () =>
      void read().then((found) => {
        if (!current) return;
        shown = found;
        setRequests(found);
      });
    const settled = () =>
      shown.some((request) => {
        const state = liveStatus(request.id)?.state;
        return request.status === "ready" && (state === "sent" || state === "problem");
      });
    const onVisible = () => {
      if (document.visibilityState === "visible") reload();
    };
    reload();
    document.addEventListener("visibilitychange", onVisible);
    const stop = onLiveStatus(() => {
      rerender(undefined);
      if (settled()) reload();
    });
    return () => {
      current = false;
      stop();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [key]);
  return { requests, stateOf: (request) => requestState(request, liveStatus(request.id), online) };
}
