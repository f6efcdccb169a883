/**
 * The sworn statement. GOV.UK's declaration pattern: the statement, then one button that both
 * accepts it and sends; no checkbox to tick first.
 */
import { useState } from "preact/hooks";
import type { Step } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { navigate } from "../../routing/router";
import { paths } from "../../routing/routes";
import { sent } from "../draft-sessions";
import type { StepProps } from "./step-props";

export function DeclarationStep({ session, step, text }: StepProps<Extract<Step, { type: "declaration" }>>) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [sending, setSending] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    setFailed(false);
    try {
      const id = await session.submit();
      void sent(session.draftId);
      navigate(paths.request(id), { replace: true });
    } catch {
      setFailed(true);
      setSending(false);
    }
  };
  return (
    <form noValidate onSubmit={submit}>
      <h1 tabIndex={-1}>{text(step.title)}</h1>
      {step.intro && <p class="lead">{text(step.intro)}</p>}
      <p class="declaration">{text(step.statement)}</p>
      {failed && (
        <p class="notice notice--error" role="alert">
          {t("wizard:declaration.submitFailed")}
        </p>
      )}
      <button type="submit" class="button" aria-disabled={sending}>
        {t("wizard:declaration.submit")}
      </button>
    </form>
  );
}
