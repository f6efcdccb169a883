/**
 * A page of questions. One question: its label is the page's heading (GOV.UK question page).
 * Several: the step's title is the heading. Answers go to the machine as they are typed;
 * "Continuer" asks the machine to move on, and it answers with errors when it will not.
 */
import type { Item } from "../../../shared/engine/answers";
import type { WizardSnapshot } from "../../../shared/engine/machine";
import { itemTitle, visibleFields, visibleSubfields } from "../../../shared/engine/visibility";
import type { Field, Step } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { ErrorSummary } from "../fields/error-summary";
import type { FlowText } from "../fields/field-props";
import { GroupField } from "../fields/group-field";
import { QuestionField } from "../fields/question-field";
import { deviceFiles } from "../file-store";
import { ReadAloud } from "../parts/read-aloud";
import { useSelector } from "../use-selector";
import { NextForm } from "./next-form";
import type { StepProps } from "./step-props";

/** What "Écouter" reads: the page's questions with their hints and help. */
function spoken(title: string, fields: readonly Field[], text: FlowText): string {
  const parts = [title];
  for (const field of fields) {
    parts.push(text(field.label));
    for (const key of [field.hint, field.example, field.help]) if (key) parts.push(text(key));
  }
  return [...new Set(parts)].join(". ");
}

export function QuestionsStep({ session, step, text }: StepProps<Extract<Step, { type: "questions" }>>) {
  const { t } = useTranslation();
  const { actor, flow } = session;
  const answers = useSelector(actor, (s: WizardSnapshot) => s.context.answers);
  const errors = useSelector(actor, (s: WizardSnapshot) => s.context.errors);
  const fields = visibleFields(flow, step, answers);
  const single = fields.length === 1;
  const title = text(step.title);

  return (
    <NextForm actor={actor}>
      <ErrorSummary
        errors={errors}
        fields={fields}
        text={text}
        itemTitle={(groupId, index) => {
          const group = fields.find((f) => f.id === groupId);
          const item = (answers[groupId] as Item[] | undefined)?.[index];
          return (group?.type === "group" && item && itemTitle(flow, group, item, answers)) || "";
        }}
      />
      {!single && <h1 tabIndex={-1}>{title}</h1>}
      {step.intro && <p class="lead">{text(step.intro)}</p>}
      {fields.map((field) => {
        if (field.type !== "group")
          return (
            <QuestionField
              key={field.id}
              field={field}
              id={field.id}
              value={answers[field.id]}
              error={errors.find((e) => e.path === field.id)}
              onChange={(value) => actor.send({ type: "SET_ANSWER", path: [field.id], value })}
              text={text}
              files={deviceFiles}
              asHeading={single}
            />
          );
        const items = Array.isArray(answers[field.id]) ? (answers[field.id] as Item[]) : [];
        return (
          <GroupField
            key={field.id}
            field={field}
            id={field.id}
            items={items}
            errors={errors.filter((e) => e.path === field.id || e.path.startsWith(`${field.id}.`))}
            onAdd={() => actor.send({ type: "ADD_ITEM", field: field.id })}
            onRemove={(index) => actor.send({ type: "REMOVE_ITEM", field: field.id, index })}
            onChangeItem={(index, subId, value) =>
              actor.send({ type: "SET_ANSWER", path: [field.id, index, subId], value })
            }
            itemTitle={(index) => itemTitle(flow, field, items[index] ?? {}, answers) ?? ""}
            isShown={(index, sub) => visibleSubfields(flow, field, items[index] ?? {}, answers).includes(sub)}
            text={text}
            files={deviceFiles}
            asHeading={single}
          />
        );
      })}
      <ReadAloud text={() => spoken(title, fields, text)} />
      <button type="submit" class="button">
        {t("wizard:step.continue")}
      </button>
    </NextForm>
  );
}
