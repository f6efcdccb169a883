import { useEffect, useRef, useState } from "preact/hooks";

/**
 * What the person typed, shown exactly as typed while the answer it gives goes to the engine:
 * reformatting under the cursor ("150 000" becoming "150000") makes people think they made a
 * mistake. The typed text is re-derived only when the answer changes from elsewhere (a restored
 * draft, a language switch that re-renders, the machine normalising it).
 */
export function useTypedValue<T>(
  answer: unknown,
  fromAnswer: (answer: unknown) => T,
): readonly [T, (typed: T, answer: unknown) => void] {
  const [typed, setTyped] = useState(() => fromAnswer(answer));
  const reported = useRef(answer);
  useEffect(() => {
    if (answer === reported.current) return;
    reported.current = answer;
    setTyped(fromAnswer(answer));
  }, [answer, fromAnswer]);
  const update = (next: T, nextAnswer: unknown) => {
    reported.current = nextAnswer;
    setTyped(next);
  };
  return [typed, update] as const;
}
