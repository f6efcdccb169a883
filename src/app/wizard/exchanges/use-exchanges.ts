/**
 * A sent request's tasks and messages as the device has them, with the person's answers still
 * on the device: read from storage (so the receipt shows them offline), fetched again when the
 * page opens online, read again whenever the sender reports progress on an answer, and fetched
 * again once one of its answers reached the server.
 */
import { useEffect, useReducer, useRef, useState } from "preact/hooks";
import { useOnline } from "../../pwa/use-online";
import type { AnswerRecord } from "../../storage/answers";
import { answersOf } from "../../storage/answers-of-request";
import { type ExchangesRecord, readExchanges } from "../../storage/exchanges";
import type { RequestRecord } from "../../storage/requests";
import { followExchanges } from "../../sync/exchanges";
import { liveStatus, onLiveStatus } from "../../sync/sender";

/** Tries at fetching the exchanges after an answer reached the server, 2 s, 4 s… apart. */
const FOLLOW_TRIES = 5;

export interface RequestExchanges {
  /** undefined until the device is read; null when the server never told this device. */
  readonly exchanges: ExchangesRecord | null | undefined;
  readonly answers: readonly AnswerRecord[];
  readonly reload: () => void;
}

export function useExchanges(request: RequestRecord): RequestExchanges {
  const online = useOnline();
  const [exchanges, setExchanges] = useState<ExchangesRecord | null>();
  const [answers, setAnswers] = useState<readonly AnswerRecord[]>([]);
  const latest = useRef(answers);
  latest.current = answers;
  const [version, reload] = useReducer((n: number) => n + 1, 0);
  const sent = request.status === "sent";
  useEffect(() => {
    let current = true;
    void Promise.all([readExchanges(request.id), answersOf(request.id)]).then(([found, mine]) => {
      if (!current) return;
      setExchanges(found ?? null);
      setAnswers(mine);
    });
    return () => {
      current = false;
    };
  }, [request.id, version]);
  useEffect(() => {
    if (!sent || !online) return;
    let current = true;
    void followExchanges(request.id).then((done) => {
      if (done && current) reload(undefined);
    });
    return () => {
      current = false;
    };
  }, [request.id, sent, online]);
  // The sender reports on answers by their client id: one of this request's now with the server
  // means the task reads as answered there.
  const [heard, setHeard] = useState(0);
  useEffect(() => {
    const answered = new Set<string>();
    const stop = onLiveStatus(() => {
      reload(undefined);
      for (const { clientId } of latest.current)
        if (liveStatus(clientId)?.state === "answered" && !answered.has(clientId)) {
          answered.add(clientId);
          setHeard((n) => n + 1);
        }
    });
    return () => {
      stop();
    };
  }, []);
  useEffect(() => {
    if (heard === 0) return;
    // On a network just back, that fetch can fail while the answer got through: without another
    // try the task would read as waiting until the page is opened again.
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (attempt: number) =>
      void followExchanges(request.id).then((done) => {
        if (!current) return;
        if (done) reload(undefined);
        else if (attempt < FOLLOW_TRIES) timer = setTimeout(() => follow(attempt + 1), 2000 * attempt);
      });
    follow(1);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [heard]);
  return { exchanges, answers, reload: () => reload(undefined) };
}
