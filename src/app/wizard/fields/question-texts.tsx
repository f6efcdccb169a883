/** The texts around a control: label text, hint, example, "why" and glossary toggles, error message. */
import type { FieldError } from "../../../shared/engine/validate";
import type { Field } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { errorText } from "./error-message";
import { errorId, exampleId, hintId } from "./field-ids";
import type { FlowText } from "./field-props";

interface QuestionTextProps {
  readonly field: Field;
  readonly id: string;
  readonly text: FlowText;
}

/** GOV.UK marks the questions a person may skip, not the ones they must answer. */
export function QuestionLabel({ field, text }: Omit<QuestionTextProps, "id">) {
  const { t } = useTranslation();
  return (
    <>
      {text(field.label)}
      {!field.required && <span class="question__optional"> {t("fields:optional")}</span>}
    </>
  );
}

export function QuestionHints({ field, id, text }: QuestionTextProps) {
  return (
    <>
      {field.hint !== undefined && (
        <p class="question__hint" id={hintId(id)}>
          {text(field.hint)}
        </p>
      )}
      {field.example !== undefined && (
        <p class="question__hint" id={exampleId(id)}>
          {text(field.example)}
        </p>
      )}
    </>
  );
}

/** "Pourquoi cette question ?" and one "Que veut dire… ?" per glossary term, folded until asked for. */
export function QuestionHelp({ field, text }: Omit<QuestionTextProps, "id">) {
  const { t } = useTranslation();
  if (field.help === undefined && field.glossary === undefined) return null;
  return (
    <div class="question__help">
      {field.help !== undefined && (
        <details>
          <summary class="disclosure__summary">{t("fields:help.toggle")}</summary>
          <p class="disclosure__body">{text(field.help)}</p>
        </details>
      )}
      {field.glossary?.map((entry) => (
        <details key={entry}>
          <summary class="disclosure__summary">
            {t("fields:glossary.toggle", { term: inSentence(text(`glossary:${entry}.term`)) })}
          </summary>
          <p class="disclosure__body">{text(`glossary:${entry}.definition`)}</p>
        </details>
      ))}
    </div>
  );
}

/** Glossary terms start with a capital; inside a question "quotient familial" reads better. Acronyms stay. */
function inSentence(term: string): string {
  return /^\p{Lu}\p{Ll}/u.test(term) ? term.charAt(0).toLowerCase() + term.slice(1) : term;
}

export function ErrorMessage({ field, id, text, error }: QuestionTextProps & { readonly error: FieldError }) {
  const { t, language } = useTranslation();
  return (
    <p class="error-message" id={errorId(id)}>
      <span class="visually-hidden">{t("fields:error.prefix")}</span>{" "}
      {errorText(error, field, text, language)}
    </p>
  );
}
