import { useEffect, useRef, useState } from "preact/hooks";

/**
 * What the person typed, shown exactly as typed while the answer it gives goes to the engine:
 * reformatting under the cursor ("150 000" becoming "150000") makes people think they made a
 * mistake. The typed text is re-derived only when the answer changes from elsewhere (a restored
 * draft, a language switch that re-renders, the machine normalising it).
 *
 * The answers this box reported come back later than the keys that made them: on a slow phone
 * the answer of "1" can arrive after "12" was typed. Every answer reported and not yet back is
 * remembered, so a late one is recognised as ours and never puts an older text back.
 */
export function useTypedValue<T>(
  answer: unknown,
  fromAnswer: (answer: unknown) => T,
): readonly [T, (typed: T, answer: unknown) => void] {
  const [typed, setTyped] = useState(() => fromAnswer(answer));
  const shown = useRef(answer);
  const inFlight = useRef<unknown[]>([]);
  useEffect(() => {
    const ours = inFlight.current.findIndex((reported) => Object.is(reported, answer));
    // Back in the order they were sent: this one, and every older one, is no longer on its way.
    if (ours >= 0) inFlight.current.splice(0, ours + 1);
    if (ours >= 0 || Object.is(answer, shown.current)) return;
    inFlight.current = [];
    shown.current = answer;
    setTyped(fromAnswer(answer));
  }, [answer, fromAnswer]);
  const update = (next: T, nextAnswer: unknown) => {
    inFlight.current.push(nextAnswer);
    shown.current = nextAnswer;
    setTyped(next);
  };
  return [typed, update] as const;
}
