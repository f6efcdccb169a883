/**
 * What an agent does with a request: follow it, hand it to a colleague, move its status (a
 * reason from the department's list for a refusal or a closing, confirmed before it is sent:
 * the person is told), and ask the person for a correction (in words, and the answers to
 * correct, ticked: the person changes those on their phone) or for documents (the flow's
 * document fields, ticked; words optional).
 */
import { useState } from "preact/hooks";
import { type AgentRequestView, type ColleaguesView, STATUS_ACTIONS } from "../../shared/api/agents";
import type { StaffMe } from "../../shared/api/staff";
import {
  askCitizen,
  changeStatus,
  followRequest,
  type StaffProblem,
  transferRequest,
} from "../api/staff-api";
import { t } from "../i18n/staff-i18n";

interface Props {
  readonly view: AgentRequestView;
  readonly me: StaffMe;
  /** The procedure's agents by name. */
  readonly colleagues: ColleaguesView;
  readonly onDone: (message: string) => Promise<void>;
  readonly onProblem: (problem: StaffProblem) => void;
}

type StatusAction = (typeof STATUS_ACTIONS)[number];

export function RequestActions(props: Props) {
  const { view, me, onDone, onProblem } = props;
  const id = view.request.id;
  const follow = async () => {
    const answer = await followRequest(id);
    if (answer.ok) await onDone(t("agents.actions.followed"));
    else onProblem(answer.problem);
  };
  return (
    <section class="staff-section agents-actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t("agents.actions.title")}</h2>
      <div class="agents-actions__grid">
        <div>
          <h3>{t("agents.actions.followTitle")}</h3>
          {view.request.assignedStaffId === me.id ? (
            <p>{t("agents.actions.youFollow")}</p>
          ) : (
            <button type="button" class="button" onClick={() => void follow()}>
              {t("agents.actions.follow")}
            </button>
          )}
          <Transfer {...props} />
        </div>
        <StatusChange {...props} />
        <AskCitizen {...props} />
      </div>
    </section>
  );
}

function Transfer({ view, me, colleagues, onDone, onProblem }: Props) {
  const others = colleagues.filter((colleague) => colleague.id !== me.id);
  const [colleague, setColleague] = useState("");
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const name = others.find((other) => other.id === colleague)?.name ?? "";
    const answer = await transferRequest(view.request.id, colleague);
    if (!answer.ok) return onProblem(answer.problem);
    setColleague("");
    await onDone(t("agents.actions.transferred", { name }));
  };
  if (others.length === 0) return <p class="staff-hint">{t("agents.actions.noColleague")}</p>;
  return (
    <form class="staff-form" onSubmit={(event) => void onSubmit(event)}>
      <label for="transfer-to">{t("agents.actions.transferTo")}</label>
      <select
        id="transfer-to"
        required
        value={colleague}
        onChange={(event) => setColleague(event.currentTarget.value)}
      >
        <option value="">{t("agents.actions.chooseColleague")}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {other.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button">
        {t("agents.actions.transfer")}
      </button>
    </form>
  );
}

function StatusChange({ view, onDone, onProblem }: Props) {
  const open = view.actions.filter((action): action is StatusAction =>
    (STATUS_ACTIONS as readonly string[]).includes(action),
  );
  const [action, setAction] = useState<StatusAction>();
  const [reasonCode, setReasonCode] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const reasons = action === "refuse" ? view.reasons.refuse : action === "close" ? view.reasons.close : [];
  const needsCode = action === "refuse" || action === "close";

  const send = async () => {
    if (!action) return;
    const answer = await changeStatus(view.request.id, {
      action,
      ...(needsCode ? { reasonCode } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
    setConfirming(false);
    if (!answer.ok) return onProblem(answer.problem);
    setAction(undefined);
    setReasonCode("");
    setReason("");
    await onDone(t(`agents.statusChange.done.${action}`));
  };

  if (open.length === 0) return null;
  return (
    <form
      class="staff-form"
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <fieldset class="agents-fieldset" disabled={confirming}>
        <legend>
          <h3>{t("agents.statusChange.title")}</h3>
        </legend>
        {open.map((choice) => (
          <p key={choice} class="agents-choice">
            <input
              type="radio"
              id={`status-${choice}`}
              name="status-action"
              value={choice}
              required
              checked={action === choice}
              onChange={() => {
                setAction(choice);
                setReasonCode("");
              }}
            />
            <label for={`status-${choice}`}>{t(`agents.statusChange.action.${choice}`)}</label>
          </p>
        ))}
        {action === "reopen" && <p class="notice">{t("agents.statusChange.reopenWarning")}</p>}
        {needsCode && (
          <>
            <label for="status-reason-code">{t("agents.statusChange.reasonCode")}</label>
            <select
              id="status-reason-code"
              required
              value={reasonCode}
              onChange={(event) => setReasonCode(event.currentTarget.value)}
            >
              <option value="">{t("agents.statusChange.chooseReason")}</option>
              {reasons.map((choice) => (
                <option key={choice.code} value={choice.code}>
                  {choice.label}
                </option>
              ))}
            </select>
          </>
        )}
        {action && action !== "start_review" && (
          <>
            <label for="status-reason">
              {action === "reopen"
                ? t("agents.statusChange.reasonRequired")
                : t("agents.statusChange.reason")}
            </label>
            <textarea
              id="status-reason"
              rows={3}
              maxLength={2000}
              required={action === "reopen"}
              value={reason}
              onInput={(event) => setReason(event.currentTarget.value)}
            />
          </>
        )}
        <button type="submit" class="button">
          {t("agents.statusChange.submit")}
        </button>
      </fieldset>
      {confirming && action && (
        <fieldset class="confirm">
          <legend>{t(`agents.statusChange.confirm.${action}`)}</legend>
          <button type="button" class="button" onClick={() => void send()}>
            {t("agents.statusChange.yes")}
          </button>
          <button type="button" class="link-button" onClick={() => setConfirming(false)}>
            {t("agents.statusChange.cancel")}
          </button>
        </fieldset>
      )}
    </form>
  );
}

function AskCitizen({ view, onDone, onProblem }: Props) {
  const [kind, setKind] = useState<"correction" | "documents">("documents");
  const [documents, setDocuments] = useState<readonly string[]>([]);
  const [questions, setQuestions] = useState<readonly string[]>([]);
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  // A flow without document fields leaves only a correction to ask for.
  const kinds =
    view.documentFields.length > 0 ? (["documents", "correction"] as const) : (["correction"] as const);
  const chosenKind = view.documentFields.length > 0 ? kind : "correction";
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (chosenKind === "documents" && documents.length === 0) return setMissing(true);
    const answer = await askCitizen(view.request.id, {
      kind: chosenKind,
      text: text.trim(),
      ...(chosenKind === "documents" ? { documents: [...documents] } : {}),
      ...(chosenKind === "correction" && questions.length > 0 ? { questions: [...questions] } : {}),
    });
    if (!answer.ok) return onProblem(answer.problem);
    setText("");
    setDocuments([]);
    setQuestions([]);
    await onDone(t("agents.ask.done"));
  };
  const toggle = (fieldId: string, on: boolean) => {
    setMissing(false);
    setDocuments((chosen) => (on ? [...chosen, fieldId] : chosen.filter((id) => id !== fieldId)));
  };
  if (!["received", "in_review"].includes(view.request.status)) return null;
  return (
    <form class="staff-form" onSubmit={(event) => void onSubmit(event)}>
      <fieldset class="agents-fieldset">
        <legend>
          <h3>{t("agents.ask.title")}</h3>
        </legend>
        {kinds.map((choice) => (
          <p key={choice} class="agents-choice">
            <input
              type="radio"
              id={`ask-${choice}`}
              name="ask-kind"
              value={choice}
              checked={chosenKind === choice}
              onChange={() => setKind(choice)}
            />
            <label for={`ask-${choice}`}>{t(`agents.ask.kind.${choice}`)}</label>
          </p>
        ))}
        {chosenKind === "documents" && (
          <fieldset
            class="agents-fieldset agents-documents-asked"
            aria-describedby={missing ? "ask-documents-missing" : undefined}
          >
            <legend>{t("agents.ask.whichDocuments")}</legend>
            {missing && (
              <p class="field-error" id="ask-documents-missing" role="alert">
                {t("agents.ask.documentsMissing")}
              </p>
            )}
            {view.documentFields.map((field) => (
              <p key={field.fieldId} class="agents-choice">
                <input
                  type="checkbox"
                  id={`ask-document-${field.fieldId}`}
                  value={field.fieldId}
                  checked={documents.includes(field.fieldId)}
                  onChange={(event) => toggle(field.fieldId, event.currentTarget.checked)}
                />
                <label for={`ask-document-${field.fieldId}`}>{field.label}</label>
              </p>
            ))}
          </fieldset>
        )}
        {chosenKind === "correction" && view.questionFields.length > 0 && (
          <fieldset class="agents-fieldset agents-questions-asked" aria-describedby="ask-questions-hint">
            <legend>{t("agents.ask.whichQuestions")}</legend>
            <p class="staff-hint" id="ask-questions-hint">
              {t("agents.ask.questionsHint")}
            </p>
            {view.questionFields.map((field) => (
              <p key={field.fieldId} class="agents-choice">
                <input
                  type="checkbox"
                  id={`ask-question-${field.fieldId}`}
                  value={field.fieldId}
                  checked={questions.includes(field.fieldId)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setQuestions((chosen) =>
                      on ? [...chosen, field.fieldId] : chosen.filter((id) => id !== field.fieldId),
                    );
                  }}
                />
                <label for={`ask-question-${field.fieldId}`}>{field.label}</label>
              </p>
            ))}
          </fieldset>
        )}
        <label for="ask-text">
          {chosenKind === "documents" ? t("agents.ask.documentsText") : t("agents.ask.correctionText")}
        </label>
        <p class="staff-hint" id="ask-hint">
          {t("agents.ask.hint")}
        </p>
        <textarea
          id="ask-text"
          aria-describedby="ask-hint"
          rows={3}
          maxLength={2000}
          required={chosenKind === "correction"}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t("agents.ask.submit")}
        </button>
      </fieldset>
    </form>
  );
}
