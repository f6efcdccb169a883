/**
 * Subscribes a Preact component to an XState actor, re-rendering only when the selected value
 * changes. There is no maintained @xstate/preact; this is the part of it we need.
 */
import { useEffect, useRef, useState } from "preact/hooks";

interface Subscribable<S> {
  getSnapshot(): S;
  subscribe(listener: (snapshot: S) => void): { unsubscribe(): void };
}

export function useSelector<S, T>(
  actor: Subscribable<S>,
  select: (snapshot: S) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const latest = useRef({ select, equal });
  latest.current = { select, equal };
  const [value, setValue] = useState(() => select(actor.getSnapshot()));
  useEffect(() => {
    const update = (snapshot: S) =>
      setValue((previous) => {
        const next = latest.current.select(snapshot);
        return latest.current.equal(previous, next) ? previous : next;
      });
    update(actor.getSnapshot());
    const subscription = actor.subscribe(update);
    return () => subscription.unsubscribe();
  }, [actor]);
  return value;
}
