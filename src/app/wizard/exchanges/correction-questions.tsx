/**
 * The answers a correction names, on the receipt: each with the wizard's own question (label,
 * hint, help, control, error) and the answer the request holds now filled in, since the device
 * dropped the answers once the request was sent. Checked on the device with the engine, as the
 * procedure's page checks them, before the answer is recorded; the server checks the whole
 * request again with them.
 */
import type { TaskView } from "../../../shared/api/agents";
import { type FieldError, validateAnswer } from "../../../shared/engine/validate";
import type { Flow, LeafFieldDef } from "../../../shared/flow/schema";
import type { CorrectedAnswers } from "../../storage/answers";
import type { FlowText } from "../fields/field-props";
import type { WizardFields } from "./task-answer-form";

type Question = NonNullable<TaskView["questions"]>[number];
type QuestionFieldDef = Exclude<LeafFieldDef, { type: "document" }>;

/** The top-level question a correction may name; a document or a list is asked otherwise. */
function questionField(flow: Flow, fieldId: string): QuestionFieldDef | undefined {
  for (const step of flow.steps) {
    if (step.type !== "questions") continue;
    const field = step.fields.find((candidate) => candidate.id === fieldId);
    if (field && field.type !== "group" && field.type !== "document") return field;
  }
  return undefined;
}

/** The questions this device can show (the procedure's flow has them), with their fields. */
export function shownQuestions(flow: Flow, questions: readonly Question[]) {
  return questions.flatMap((question) => {
    const field = questionField(flow, question.fieldId);
    return field ? [{ question, field }] : [];
  });
}

/** Each named answer as the person left it, checked as its page checks it. */
export function correctionErrors(
  shown: ReturnType<typeof shownQuestions>,
  values: Readonly<Record<string, unknown>>,
): FieldError[] {
  return shown.flatMap(({ field }) => validateAnswer(field, values[field.id]));
}

/** Whether the person changed any of the answers the province holds. */
export function changedAny(
  shown: ReturnType<typeof shownQuestions>,
  values: Readonly<Record<string, unknown>>,
): boolean {
  return shown.some(
    ({ question }) =>
      JSON.stringify(values[question.fieldId] ?? null) !== JSON.stringify(question.value ?? null),
  );
}

/** The answers to send: every question shown, a cleared one as null (checked already, so typed). */
export function correctedAnswers(
  shown: ReturnType<typeof shownQuestions>,
  values: Readonly<Record<string, unknown>>,
): CorrectedAnswers {
  return Object.fromEntries(shown.map(({ field }) => [field.id, sendable(values[field.id])]));
}

function sendable(value: unknown): CorrectedAnswers[string] {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  return null;
}

interface Props {
  /** The wizard's own components, from its chunk. */
  readonly wizard: Pick<WizardFields, "ErrorSummary" | "QuestionField" | "deviceFiles">;
  readonly shown: ReturnType<typeof shownQuestions>;
  readonly values: Readonly<Record<string, unknown>>;
  readonly errors: readonly FieldError[];
  readonly onChange: (fieldId: string, value: unknown) => void;
  readonly text: FlowText;
}

export function CorrectionQuestions({ wizard, shown, values, errors, onChange, text }: Props) {
  const { ErrorSummary, QuestionField, deviceFiles } = wizard;
  return (
    <>
      <ErrorSummary errors={errors} fields={shown.map(({ field }) => field)} text={text} />
      {shown.map(({ field }) => (
        <QuestionField
          key={field.id}
          field={field}
          // The field's own id, as on its page: the error summary links to it.
          id={field.id}
          value={values[field.id]}
          error={errors.find((error) => error.path === field.id)}
          onChange={(value) => onChange(field.id, value)}
          text={text}
          files={deviceFiles}
        />
      ))}
    </>
  );
}
