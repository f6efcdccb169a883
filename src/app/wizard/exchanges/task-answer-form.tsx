import "../fields/fields.css";
/**
 * Answering what the province asks — named documents, a correction — from the receipt, with the
 * wizard's own document field (same checks, photos shrunk the same way, bytes kept on the device),
 * the wizard's own questions and lists for the answers a correction names (correction-questions.tsx), and
 * a box for the person's words. "Envoyer ma réponse" keeps the answer on the device first;
 * the sender sends it once, now or when the network returns. Loaded with the procedure's flow,
 * which a device that made or opened the request already has. It lives with the wizard, so it
 * is part of the procedure's offline pack (with the document field), not of every first visit.
 */
import { useEffect, useState } from "preact/hooks";
import type { TaskView } from "../../../shared/api/agents";
import type { DocumentRef, FieldError } from "../../../shared/engine/validate";
import { isDocumentRef } from "../../../shared/engine/validate";
import type { Flow } from "../../../shared/flow/schema";
import { i18n } from "../../i18n/i18n";
import { useTranslation } from "../../i18n/use-translation";
import type { AnswerDocument, AnswerRecord } from "../../storage/answers";
import type { RequestRecord } from "../../storage/requests";
import { sendAnswerWhenOnline } from "../../sync/exchanges";
import type { LeafFieldOfType } from "../fields/field-props";
import { flowText } from "../flow-text";
import { loadFlow } from "../flows";
import {
  CorrectionQuestions,
  changedAny,
  correctedAnswers,
  correctionErrors,
  shownQuestions,
} from "./correction-questions";

type DocumentFieldDef = LeafFieldOfType<"document">;

/** The wizard's components this form uses, taken from the wizard's chunk (see wizard-route.tsx). */
export type WizardFields = Pick<
  typeof import("../wizard-route"),
  "DocumentField" | "ErrorSummary" | "GroupField" | "QuestionField" | "deviceFiles"
>;

/**
 * A document field of the flow by its id, at the top level or inside a group (a child's
 * certificate), without "je l'enverrai plus tard": this is the later.
 */
function documentField(flow: Flow, fieldId: string): DocumentFieldDef | undefined {
  for (const step of flow.steps) {
    if (step.type !== "questions") continue;
    for (const field of step.fields)
      for (const candidate of field.type === "group" ? field.fields : [field])
        if (candidate.id === fieldId && candidate.type === "document") {
          const { later: _, ...now } = candidate as DocumentFieldDef;
          return now as DocumentFieldDef;
        }
  }
  return undefined;
}

interface Props {
  readonly request: RequestRecord;
  readonly task: TaskView;
  readonly onRecorded: () => void;
  /** An answer the server refused: its corrected answers and words, to change and send again. */
  readonly refused?: AnswerRecord | undefined;
}

export function TaskAnswerForm({ request, task, onRecorded, refused }: Props) {
  const { t, language } = useTranslation();
  const [flow, setFlow] = useState<Flow | null>();
  const [wizard, setWizard] = useState<WizardFields>();
  const [files, setFiles] = useState<Readonly<Record<string, unknown>>>({});
  const [text, setText] = useState(refused?.text ?? "");
  const [error, setError] = useState(false);
  const [recording, setRecording] = useState(false);
  // A task kept on the device from before corrections named questions has none.
  const questions = task.questions ?? [];
  const [values, setValues] = useState<Readonly<Record<string, unknown>>>(() => ({
    ...Object.fromEntries(questions.map((question) => [question.fieldId, question.value])),
    ...refused?.corrections,
  }));
  const [questionErrors, setQuestionErrors] = useState<readonly FieldError[]>([]);
  const asksDocuments = task.documents.length > 0;
  const asksQuestions = questions.length > 0;
  const needsFlow = asksDocuments || asksQuestions;
  useEffect(() => {
    if (!needsFlow) return;
    let current = true;
    void Promise.all([
      loadFlow(request.flowId),
      import("../wizard-route"),
      i18n.loadNamespaces([request.flowId, "fields", "errors", "glossary"]),
    ]).then(
      ([loaded, parts]) => {
        if (!current) return;
        setWizard(parts);
        setFlow(loaded?.flow ?? null);
      },
      () => current && setFlow(null),
    );
    return () => {
      current = false;
    };
  }, [request.flowId, needsFlow]);
  const shown = flow ? shownQuestions(flow, questions) : [];

  const documents: AnswerDocument[] = task.documents.flatMap(({ fieldId }) => {
    const value = files[fieldId];
    return Array.isArray(value)
      ? value.filter(isDocumentRef).map((ref: DocumentRef) => ({ fieldId, ref }))
      : [];
  });
  const idOf = (part: string) => `task-${task.id}-${part}`;
  const errorId = idOf("error");

  async function send(event: Event) {
    event.preventDefault();
    const wrong = flow ? correctionErrors(flow, shown, values) : [];
    setQuestionErrors(wrong);
    if (wrong.length > 0) return;
    if (documents.length === 0 && text.trim() === "" && !changedAny(shown, values)) {
      setError(true);
      document.getElementById(errorId)?.focus();
      return;
    }
    setRecording(true);
    try {
      await sendAnswerWhenOnline(
        {
          requestId: request.id,
          flowId: request.flowId,
          flowVersion: request.flowVersion,
          taskId: task.id,
          documents,
          ...(text.trim() ? { text: text.trim() } : {}),
          ...(shown.length > 0 ? { corrections: correctedAnswers(shown, values) } : {}),
        },
        refused?.clientId,
      );
      onRecorded();
    } finally {
      setRecording(false);
    }
  }

  const translate = flow ? flowText(flow, language) : undefined;
  return (
    <form class="task-answer" onSubmit={(event) => void send(event)} noValidate>
      {error && (
        <p class="notice notice--error" id={errorId} tabIndex={-1} role="alert">
          {asksQuestions
            ? t("exchanges:tasks.nothingChanged")
            : asksDocuments
              ? t("exchanges:tasks.nothingYet")
              : t("exchanges:tasks.noText")}
        </p>
      )}
      {asksDocuments && flow === null && (
        <p class="notice notice--info">{t("exchanges:tasks.needsNetwork")}</p>
      )}
      {asksQuestions && flow === null && (
        <p class="notice notice--info">{t("exchanges:tasks.questionsNeedNetwork")}</p>
      )}
      {translate && flow && wizard && shown.length > 0 && (
        <>
          <p>{t("exchanges:tasks.questionsIntro")}</p>
          <CorrectionQuestions
            wizard={wizard}
            flow={flow}
            shown={shown}
            values={values}
            errors={questionErrors}
            onChange={(fieldId, value) => {
              setError(false);
              setValues((current) => ({ ...current, [fieldId]: value }));
            }}
            text={translate}
          />
        </>
      )}
      {translate &&
        flow &&
        wizard &&
        task.documents.map(({ fieldId, label }) => {
          const { DocumentField, deviceFiles } = wizard;
          const field = documentField(flow, fieldId);
          if (!field) return null;
          const id = idOf(fieldId);
          return (
            <fieldset key={fieldId} class="question__fieldset">
              <legend class="question__legend">{translate(field.label) || label}</legend>
              <DocumentField
                field={field}
                id={id}
                value={files[fieldId]}
                onChange={(value) => {
                  setError(false);
                  setFiles((current) => ({ ...current, [fieldId]: value }));
                }}
                files={deviceFiles}
                text={translate}
              />
            </fieldset>
          );
        })}
      <label class="question__label" for={idOf("text")}>
        {asksDocuments || shown.length > 0
          ? t("exchanges:tasks.noteLabel")
          : t("exchanges:tasks.correctionLabel")}
      </label>
      <textarea
        id={idOf("text")}
        class="input input--longText"
        rows={4}
        maxLength={5000}
        value={text}
        onInput={(event) => {
          setError(false);
          setText(event.currentTarget.value);
        }}
      />
      <button type="submit" class="button" disabled={recording}>
        {t("exchanges:tasks.send")}
      </button>
    </form>
  );
}
