/** A procedure's pages: its start page and its steps, once its flow and draft are loaded. */
import { useEffect, useState } from "preact/hooks";
import { useTranslation } from "../i18n/use-translation";
import { NotFoundPage } from "../layout/not-found-page";
import { openSession, type WizardSession } from "./session";
import { StartPage } from "./start-page";
import { StepPage } from "./step-page";

type Loading = { state: "loading" } | { state: "missing" } | { state: "ready"; session: WizardSession };

export function WizardRoute({ flowId, step }: { flowId: string; step?: string | undefined }) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<Loading>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setLoading({ state: "loading" });
    void openSession(flowId).then((session) => {
      if (current) setLoading(session ? { state: "ready", session } : { state: "missing" });
    });
    return () => {
      current = false;
    };
  }, [flowId]);

  if (loading.state === "loading") return <p role="status">{t("wizard:loading")}</p>;
  if (loading.state === "missing") return <NotFoundPage />;
  return step ? (
    <StepPage session={loading.session} urlStep={step} />
  ) : (
    <StartPage session={loading.session} />
  );
}
