import "./wizard.css";
/**
 * Frames every page of a procedure: keeps the address and the machine on the same step, moves
 * focus to the new page's heading and announces it, and shows the back link, progress, notices
 * and save status around the page itself.
 */
import { useEffect, useLayoutEffect, useRef } from "preact/hooks";
import { computeValues } from "../../shared/engine/computed";
import type { Migration } from "../../shared/engine/draft";
import { currentStep, type WizardSnapshot } from "../../shared/engine/machine";
import { progressOf } from "../../shared/engine/path";
import { indexFlow } from "../../shared/flow/flow-index";
import type { Step } from "../../shared/flow/schema";
import { useTranslation } from "../i18n/use-translation";
import { usePageTitle } from "../layout/use-page-title";
import { Link } from "../routing/link";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import { flowText } from "./flow-text";
import { ContinueElsewhere } from "./parts/continue-elsewhere";
import { SaveStatus } from "./parts/save-status";
import type { WizardSession } from "./session";
import { DeclarationStep } from "./steps/declaration-step";
import { InfoStep } from "./steps/info-step";
import { OutcomeStep } from "./steps/outcome-step";
import { QuestionsStep } from "./steps/questions-step";
import { ReviewStep } from "./steps/review-step";
import type { StepProps } from "./steps/step-props";
import { useSelector } from "./use-selector";

/**
 * Keeps the address bar and the machine on the same step, whichever of the two moved. `agreed`
 * is the step both were last on. When the address moves (a reload, back/forward, a link), it
 * wins once: the machine goes there if that step is open to the person, else the address is
 * corrected to where the machine is. When the machine moves (Continuer, Retour, Modifier), the
 * address follows. Each side answers only a move of the other: never one to a stale value of
 * the other, which is how an earlier step's address once flipped the page between two steps.
 */
function useStepAddress(session: WizardSession, urlStep: string): void {
  const { actor, flow, draftId } = session;
  const agreed = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    // Set before GO: the machine's move it causes is then answered by an address already there.
    agreed.current = currentStep(actor.getSnapshot());
    if (agreed.current !== urlStep) actor.send({ type: "GO", step: urlStep });
    const reached = currentStep(actor.getSnapshot());
    agreed.current = reached;
    if (reached !== urlStep) navigate(paths.step(flow.id, draftId, reached), { replace: true });
  }, [urlStep]);
  useEffect(() => {
    const subscription = actor.subscribe((snapshot) => {
      const step = currentStep(snapshot);
      // "submitted" has no address: the declaration moves on to the request's page.
      if (step === agreed.current || snapshot.hasTag("submitted")) return;
      agreed.current = step;
      navigate(paths.step(flow.id, draftId, step));
    });
    return () => subscription.unsubscribe();
  }, [actor]);
}

/** Focus follows the page: the heading on arrival, the error summary when "Continuer" was refused. */
function useFocusOnArrival(step: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [step]);
}

export function StepPage({ session, urlStep }: { session: WizardSession; urlStep: string }) {
  const { t, language } = useTranslation();
  const { actor, flow } = session;
  const step = useSelector(actor, currentStep);
  const answers = useSelector(actor, (s: WizardSnapshot) => s.context.answers);
  const dropped = useSelector(actor, (s: WizardSnapshot) => s.context.dropped);
  const canGoBack = useSelector(actor, (s: WizardSnapshot) => s.can({ type: "BACK" }));
  useStepAddress(session, urlStep);
  useFocusOnArrival(step);

  const definition = indexFlow(flow).steps.get(step) as Step;
  const text = flowText(flow, language);
  const title = text(definition.title);
  usePageTitle(title, text(flow.title));
  const progress = progressOf(flow, answers, step);
  const props: StepProps = { session, step: definition, text, computed: computeValues(flow, answers) };

  return (
    <div class="step-page">
      {canGoBack ? (
        <button type="button" class="back-link" onClick={() => actor.send({ type: "BACK" })}>
          {t("wizard:step.back")}
        </button>
      ) : (
        <Link class="back-link" href={paths.procedure(flow.id)}>
          {t("wizard:step.back")}
        </Link>
      )}
      <p class="visually-hidden" aria-live="polite">
        {t("wizard:announce", { page: title })}
      </p>
      {progress.step > 0 && <p class="progress">{t("wizard:step.progress", progress)}</p>}
      {session.migration && <MigrationNotice migration={session.migration} />}
      {dropped.length > 0 && (
        <p class="notice notice--info" role="status">
          {t("wizard:step.dropped", { count: dropped.length })}
        </p>
      )}
      <StepContent {...props} />
      <SaveStatus session={session} />
      <ContinueElsewhere session={session} />
    </div>
  );
}

/** What changed in the procedure since the draft was saved, in the order the person meets it. */
function MigrationNotice({ migration }: { migration: Migration }) {
  const { t } = useTranslation();
  const { removed, askedAgain, newQuestionsFirst } = migration;
  return (
    <div class="notice notice--info">
      <p>
        {removed.length > 0
          ? t("wizard:step.migratedRemoved", { count: removed.length })
          : t("wizard:step.migrated")}
      </p>
      {askedAgain.length > 0 && <p>{t("wizard:step.migratedAskedAgain", { count: askedAgain.length })}</p>}
      {newQuestionsFirst && <p>{t("wizard:step.migratedNewQuestions")}</p>}
    </div>
  );
}

function StepContent(props: StepProps) {
  const { step } = props;
  switch (step.type) {
    case "questions":
      return <QuestionsStep {...props} step={step} />;
    case "info":
      return <InfoStep {...props} step={step} />;
    case "outcome":
      return <OutcomeStep {...props} step={step} />;
    case "review":
      return <ReviewStep {...props} step={step} />;
    case "declaration":
      return <DeclarationStep {...props} step={step} />;
    case "submitted":
      return null;
  }
}
