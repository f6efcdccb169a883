/**
 * A queue is an address an agent bookmarks and shares: `/agents?queue=…&procedure=…` and the
 * API's own filter keys (src/shared/api/agents.ts QueueQuerySchema). The page reads it, the
 * filter form writes it, and the API's query string is made from it: empty values dropped, so
 * a form sent without JavaScript gives the same queue.
 */
import { useEffect, useState } from "preact/hooks";
import { QUEUE_NAMES, type QueueNameView } from "../../shared/api/agents";

/** The filter form's keys, the API's names: what is passed on to the API. */
const FILTER_KEYS = ["status", "from", "to", "commune", "assignee", "q", "underCeiling", "estimate"] as const;
const API_KEYS: readonly string[] = [...FILTER_KEYS, "sort", "direction", "page"];

export interface QueueAddress {
  readonly queue: QueueNameView;
  /** The procedure asked for, if the address names one. */
  readonly procedure: string | undefined;
  readonly values: URLSearchParams;
}

export function readQueueAddress(search: string): QueueAddress {
  const values = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search))
    if (value.trim() !== "") values.set(key, value.trim());
  const queue = values.get("queue");
  return {
    queue: (QUEUE_NAMES as readonly string[]).includes(queue ?? "") ? (queue as QueueNameView) : "to_process",
    procedure: values.get("procedure") ?? undefined,
    values,
  };
}

/** The API's query string for the address: only the keys it knows. */
export function apiSearchOf(address: QueueAddress): string {
  const search = new URLSearchParams();
  for (const [key, value] of address.values) if (API_KEYS.includes(key)) search.set(key, value);
  return search.toString();
}

/** The address with some keys changed (undefined removes one). */
export function queueHref(address: QueueAddress, changes: Record<string, string | undefined>): string {
  const search = new URLSearchParams(address.values);
  for (const [key, value] of Object.entries(changes))
    if (value === undefined) search.delete(key);
    else search.set(key, value);
  const text = search.toString();
  return `${window.location.pathname}${text ? `?${text}` : ""}`;
}

/** The address's query string, followed through the form, the links and back/forward. */
export function useAddressSearch(): [string, (href: string) => void] {
  const [search, setSearch] = useState(window.location.search);
  useEffect(() => {
    const follow = () => setSearch(window.location.search);
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);
  const go = (href: string) => {
    window.history.pushState(null, "", href);
    setSearch(window.location.search);
  };
  return [search, go];
}
