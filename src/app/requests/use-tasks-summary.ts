/**
 * For "Mes démarches", what each sent request still waits for from the person, from what the
 * device last fetched: an agent's question not answered yet, and whether the documents left for
 * later were sent (then the list no longer counts them as due).
 */
import { useEffect, useState } from "preact/hooks";
import { listExchanges } from "../storage/exchanges";

export interface TasksSummary {
  readonly agentWaiting: boolean;
  readonly laterSent: boolean;
}

export function useTasksSummary(key: string): ReadonlyMap<string, TasksSummary> {
  const [summary, setSummary] = useState<ReadonlyMap<string, TasksSummary>>(new Map());
  useEffect(() => {
    let current = true;
    void listExchanges().then((all) => {
      if (!current) return;
      setSummary(
        new Map(
          all.map(({ requestId, tasks }) => [
            requestId,
            {
              agentWaiting: tasks.some((task) => task.origin === "agent" && !task.answeredAt),
              laterSent: tasks.some((task) => task.origin === "later" && task.answeredAt),
            },
          ]),
        ),
      );
    });
    return () => {
      current = false;
    };
  }, [key]);
  return summary;
}
