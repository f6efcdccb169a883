/**
 * The answers a correction names, on the receipt: each with the wizard's own question (label,
 * hint, help, control, error) or list ("Vos enfants", its entries to change, add or remove) and
 * the answer the request holds now filled in, since the device dropped the answers once the
 * request was sent. Checked on the device with the engine, as the procedure's page checks them,
 * before the answer is recorded; the server checks the whole request again with them.
 */
import type { TaskView } from "../../../shared/api/agents";
import type { Item } from "../../../shared/engine/answers";
import { scopeFor } from "../../../shared/engine/computed";
import { type FieldError, validateAnswer } from "../../../shared/engine/validate";
import { itemTitle, visibleSubfields } from "../../../shared/engine/visibility";
import { type CorrectableFieldDef, isCorrectableField } from "../../../shared/flow/correctable-field";
import type { Flow, GroupFieldDef } from "../../../shared/flow/schema";
import type { CorrectedAnswers } from "../../storage/answers";
import type { FlowText } from "../fields/field-props";
import type { WizardFields } from "./task-answer-form";

type Question = NonNullable<TaskView["questions"]>[number];
type Shown = readonly { readonly question: Question; readonly field: CorrectableFieldDef }[];
type Values = Readonly<Record<string, unknown>>;

/** The top-level question or list a correction may name (the server's rule: correctable-field.ts). */
function questionField(flow: Flow, fieldId: string): CorrectableFieldDef | undefined {
  for (const step of flow.steps) {
    if (step.type !== "questions") continue;
    const field = step.fields.find((candidate) => candidate.id === fieldId);
    if (field && isCorrectableField(field)) return field;
  }
  return undefined;
}

/** The questions this device can show (the procedure's flow has them), with their fields. */
export function shownQuestions(flow: Flow, questions: readonly Question[]): Shown {
  return questions.flatMap((question) => {
    const field = questionField(flow, question.fieldId);
    return field ? [{ question, field }] : [];
  });
}

const entriesOf = (value: unknown): Item[] =>
  Array.isArray(value) ? value.filter((item): item is Item => typeof item === "object" && item !== null) : [];

/**
 * Each named answer as the person left it, checked as its page checks it; a list's entries with
 * their questions' conditions read in the answers the device holds (those named).
 */
export function correctionErrors(flow: Flow, shown: Shown, values: Values): FieldError[] {
  const scope = scopeFor(flow, values);
  return shown.flatMap(({ field }) => validateAnswer(field, values[field.id], {}, scope));
}

/** Whether the person changed any of the answers the province holds. */
export function changedAny(shown: Shown, values: Values): boolean {
  return shown.some(
    ({ question }) =>
      JSON.stringify(values[question.fieldId] ?? null) !== JSON.stringify(question.value ?? null),
  );
}

/** The answers to send: every question shown, a cleared one as null (checked already, so typed). */
export function correctedAnswers(shown: Shown, values: Values): CorrectedAnswers {
  return Object.fromEntries(
    shown.map(({ field }) => [
      field.id,
      field.type === "group" ? sentEntries(values[field.id]) : sendable(values[field.id]),
    ]),
  );
}

/** A question's answer as the server takes it (text, number, yes/no, choices), or null. */
type Leaf = string | number | boolean | string[] | null;

function sendable(value: unknown): Leaf {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
  return null;
}

/** A list's entries, each with its answers given (an unanswered question is left out, as on its page). */
function sentEntries(value: unknown): CorrectedAnswers[string] {
  const entries = entriesOf(value);
  if (entries.length === 0) return null;
  return entries.map((item) =>
    Object.fromEntries(
      Object.entries(item).flatMap(([subId, answer]) => {
        const sent = sendable(answer);
        return sent === null ? [] : [[subId, sent]];
      }),
    ),
  );
}

interface Props {
  /** The wizard's own components, from its chunk. */
  readonly wizard: Pick<WizardFields, "ErrorSummary" | "GroupField" | "QuestionField" | "deviceFiles">;
  readonly flow: Flow;
  readonly shown: Shown;
  readonly values: Values;
  readonly errors: readonly FieldError[];
  readonly onChange: (fieldId: string, value: unknown) => void;
  readonly text: FlowText;
}

export function CorrectionQuestions({ wizard, flow, shown, values, errors, onChange, text }: Props) {
  const { ErrorSummary, QuestionField, deviceFiles } = wizard;
  const titleOf = (group: GroupFieldDef, index: number) =>
    itemTitle(flow, group, entriesOf(values[group.id])[index] ?? {}, values) ?? "";
  return (
    <>
      <ErrorSummary
        errors={errors}
        fields={shown.map(({ field }) => field)}
        text={text}
        itemTitle={(groupId, index) => {
          const group = shown.find(({ field }) => field.id === groupId)?.field;
          return group?.type === "group" ? titleOf(group, index) : "";
        }}
      />
      {shown.map(({ field }) =>
        field.type === "group" ? (
          <CorrectedList
            key={field.id}
            wizard={wizard}
            flow={flow}
            group={field}
            values={values}
            errors={errors}
            onChange={(entries) => onChange(field.id, entries)}
            titleOf={(index) => titleOf(field, index)}
            text={text}
          />
        ) : (
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
        ),
      )}
    </>
  );
}

interface ListProps {
  readonly wizard: Pick<WizardFields, "GroupField" | "deviceFiles">;
  readonly flow: Flow;
  readonly group: GroupFieldDef;
  readonly values: Values;
  readonly errors: readonly FieldError[];
  readonly onChange: (entries: Item[]) => void;
  readonly titleOf: (index: number) => string;
  readonly text: FlowText;
}

/** A named list with the wizard's own group field: its entries as the request holds them, to change. */
function CorrectedList({ wizard, flow, group, values, errors, onChange, titleOf, text }: ListProps) {
  const { GroupField, deviceFiles } = wizard;
  const entries = entriesOf(values[group.id]);
  return (
    <GroupField
      field={group}
      // The list's own id, as on its page: the error summary links to it and to its entries.
      id={group.id}
      items={entries}
      errors={errors.filter((error) => error.path === group.id || error.path.startsWith(`${group.id}.`))}
      onAdd={() => onChange([...entries, {}])}
      onRemove={(index) => onChange(entries.filter((_, at) => at !== index))}
      onChangeItem={(index, subId, value) =>
        onChange(entries.map((item, at) => (at === index ? { ...item, [subId]: value } : item)))
      }
      itemTitle={titleOf}
      isShown={(index, sub) => visibleSubfields(flow, group, entries[index] ?? {}, values).includes(sub)}
      text={text}
      files={deviceFiles}
    />
  );
}
