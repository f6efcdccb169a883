/**
 * A procedure's pages: its start page, and the steps of one of its drafts once it is open, or
 * the choice between two versions after the draft changed on two devices. A draft that another
 * device changed or deleted meanwhile (draft-sessions.ts tells) is opened again; one not on this
 * device yet while signed in (a hand-off's link) is looked for in the account first.
 */
import { useEffect, useState } from "preact/hooks";
import type { AccountDraft } from "../../shared/api/account-drafts";
import { currentStep } from "../../shared/engine/machine";
import type { Flow } from "../../shared/flow/schema";
import { useTranslation } from "../i18n/use-translation";
import { NotFoundPage } from "../layout/not-found-page";
import { PageLoadFailed } from "../layout/page-load-failed";
import { keepProcedureOffline } from "../pwa/service-worker";
import { navigate } from "../routing/router";
import { paths } from "../routing/routes";
import type { DraftRecord } from "../storage/drafts";
import { listDrafts } from "../storage/drafts";
import { conflictOf, onDraftConflict } from "../sync/draft-sync";
import { isSignedInHint } from "../sync/signed-in-hint";
import { DraftConflictPage } from "./draft-conflict-page";
import { onDraftsChanged, openDraft, pullAccountDraftsNow } from "./draft-sessions";
import { loadFlow } from "./flows";
import type { WizardSession } from "./session";
import { StartPage } from "./start-page";
import { StepPage } from "./step-page";

export { DocumentField } from "./fields/document-field";
/**
 * The wizard's own questions, lists and document field, for the receipt's answer form
 * (exchanges/task-answer-form.tsx), which takes them from this chunk once a task waits. Imported
 * there directly, they would be split into a chunk of their own, shared by both, and a
 * procedure's pages would weigh more for it.
 */
export { ErrorSummary } from "./fields/error-summary";
export { GroupField } from "./fields/group-field";
export { QuestionField } from "./fields/question-field";
export { deviceFiles } from "./file-store";

type Loading =
  | { state: "loading" }
  | { state: "missing" }
  | { state: "failed" }
  | { state: "start"; flow: Flow }
  | { state: "draft"; session: WizardSession }
  | { state: "conflict"; flow: Flow; here: DraftRecord; other: AccountDraft };

interface WizardRouteProps {
  flowId: string;
  draftId?: string | undefined;
  step?: string | undefined;
  legacyStep?: string | undefined;
}

/**
 * Where an address leads when it names no open draft: an address from before drafts had ids
 * goes to the procedure's only draft if it has one, else to its start page, as does a draft no
 * longer on this device (sent, deleted, or opened from another device's link).
 */
async function redirect(flowId: string, legacyStep: string | undefined): Promise<void> {
  const drafts = legacyStep ? await listDrafts(flowId).catch(() => []) : [];
  const only = drafts.length === 1 ? drafts[0] : undefined;
  navigate(only && legacyStep ? paths.step(flowId, only.id, legacyStep) : paths.procedure(flowId), {
    replace: true,
  });
}

export function WizardRoute({ flowId, draftId, step, legacyStep }: WizardRouteProps) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState<Loading>({ state: "loading" });
  const [reopened, setReopened] = useState(0);
  useEffect(() => {
    if (!draftId) return;
    const reopen = () => setReopened((count) => count + 1);
    const stopChanges = onDraftsChanged((ids) => ids.includes(draftId) && reopen());
    const stopConflicts = onDraftConflict((id) => id === draftId && reopen());
    return () => {
      stopChanges();
      stopConflicts();
    };
  }, [draftId]);
  // Any page of a procedure counts as opening it: a draft resumed at its step must work offline too.
  useEffect(() => void keepProcedureOffline(flowId), [flowId]);
  useEffect(() => {
    let current = true;
    setLoading({ state: "loading" });
    void (async () => {
      const loaded = await loadFlow(flowId);
      if (!current) return;
      if (!loaded) return setLoading({ state: "missing" });
      if (legacyStep) return redirect(flowId, legacyStep);
      if (!draftId) return setLoading({ state: "start", flow: loaded.flow });
      const conflict = await conflictOf(draftId).catch(() => undefined);
      if (!current) return;
      if (conflict) return setLoading({ state: "conflict", flow: loaded.flow, ...conflict });
      let session = await openDraft(flowId, draftId);
      if (!session && isSignedInHint()) {
        await pullAccountDraftsNow();
        if (!current) return;
        session = await openDraft(flowId, draftId);
      }
      if (!current) return;
      if (!session) return redirect(flowId, undefined);
      setLoading({ state: "draft", session });
    })().catch(
      // The flow's file could not be fetched: offline, a procedure never opened on this device.
      () => current && setLoading({ state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [flowId, draftId, legacyStep, reopened]);

  // Only the draft the address names: for the one render before the effect above runs, the
  // previous draft's session must not take the next address for its own.
  const session =
    loading.state === "draft" && loading.session.draftId === draftId ? loading.session : undefined;
  // `/<flow>/<draft>`: the draft where it stopped.
  useEffect(() => {
    if (session && !step)
      navigate(paths.step(flowId, session.draftId, currentStep(session.actor.getSnapshot())), {
        replace: true,
      });
  }, [session, step]);

  if (loading.state === "missing") return <NotFoundPage />;
  if (loading.state === "failed") return <PageLoadFailed />;
  if (loading.state === "start" && !draftId) return <StartPage flow={loading.flow} />;
  if (loading.state === "conflict" && loading.here.id === draftId)
    return <DraftConflictPage key={draftId} flow={loading.flow} here={loading.here} other={loading.other} />;
  if (session && step) return <StepPage key={session.draftId} session={session} urlStep={step} />;
  return <p role="status">{t("wizard:loading")}</p>;
}
