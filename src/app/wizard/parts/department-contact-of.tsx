/**
 * A department's contact where only the procedure's id is known (a receipt, the help page): its
 * flow and texts are fetched first — already on the device once the procedure was opened. The
 * engine comes with the flow's loader, so it is imported on use and stays out of those pages' code.
 */
import { useEffect, useState } from "preact/hooks";
import type { Flow } from "../../../shared/flow/schema";
import { i18n } from "../../i18n/i18n";
import { useTranslation } from "../../i18n/use-translation";
import { flowText } from "../flow-text";
import { DepartmentContact } from "./department-contact";

interface Props {
  readonly flowId: string;
  /** The section's heading, shown with the contact only: no empty heading while offline. */
  readonly heading: string;
  readonly level: 2 | 3;
}

export function DepartmentContactOf({ flowId, heading, level }: Props) {
  const { language } = useTranslation();
  const [flow, setFlow] = useState<Flow | undefined>();
  useEffect(() => {
    let current = true;
    void Promise.all([import("../flows").then((m) => m.loadFlow(flowId)), i18n.loadNamespaces(flowId)]).then(
      ([loaded]) => current && setFlow(loaded?.flow),
      // Offline with a procedure never opened here: the page says everything else without it.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [flowId]);
  if (!flow?.contact) return null;
  const Heading = level === 2 ? "h2" : "h3";
  const id = `contact-${flowId}`;
  return (
    <section class="department-contact-section" aria-labelledby={id}>
      <Heading id={id}>{heading}</Heading>
      <DepartmentContact flow={flow} text={flowText(flow, language)} />
    </section>
  );
}
