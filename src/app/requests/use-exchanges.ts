/**
 * A sent request's tasks and messages as the device has them, with the person's answers still
 * on the device: read from storage (so the receipt shows them offline), fetched again when the
 * page opens online, and read again whenever the sender reports progress on an answer.
 */
import { useEffect, useReducer, useState } from "preact/hooks";
import { useOnline } from "../pwa/use-online";
import { type AnswerRecord, answersOf } from "../storage/answers";
import { type ExchangesRecord, readExchanges } from "../storage/exchanges";
import type { RequestRecord } from "../storage/requests";
import { followExchanges } from "../sync/exchanges";
import { onLiveStatus } from "../sync/sender";

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
  useEffect(() => {
    const stop = onLiveStatus(() => reload(undefined));
    return () => {
      stop();
    };
  }, []);
  return { exchanges, answers, reload: () => reload(undefined) };
}
