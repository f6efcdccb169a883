/**
 * One question: label (or legend), hint, example, "why" and glossary toggles, error, control.
 * A single control gets a <label for>; a set of controls a <fieldset> and <legend>. When the page
 * asks only this question, the label is the page's h1 (GOV.UK question page); the h1 takes
 * focus (tabIndex -1) so the page can move focus to it on arrival.
 */
import "./fields.css";
import type { ComponentChildren } from "preact";
import type { LeafFieldDef } from "../../../shared/flow/schema";
import { FieldControl, type FieldControlProps } from "./field-control";
import { headingId, questionDescription } from "./field-ids";
import { ErrorMessage, QuestionHelp, QuestionHints, QuestionLabel } from "./question-texts";

export interface QuestionFieldProps extends FieldControlProps {
  /** The page's only question: its label becomes the h1, with id `${id}-heading`. */
  readonly asHeading?: boolean;
}

/** Types answered with a set of controls: the legend names the set. */
function isAskedInFieldset(type: LeafFieldDef["type"]): boolean {
  return (
    type === "date" || type === "yesNo" || type === "choice" || type === "choices" || type === "document"
  );
}

export function QuestionField({ asHeading = false, ...props }: QuestionFieldProps) {
  const { field, id, error, text } = props;
  const label = <QuestionLabel field={field} text={text} />;
  const asked = (question: ComponentChildren) =>
    asHeading ? (
      <h1 class="question__heading" id={headingId(id)} tabIndex={-1}>
        {question}
      </h1>
    ) : (
      question
    );
  const body = (
    <>
      <QuestionHints field={field} id={id} text={text} />
      <QuestionHelp field={field} text={text} />
      {error && <ErrorMessage field={field} id={id} text={text} error={error} />}
      <FieldControl {...props} />
    </>
  );
  const className = `question${error ? " question--error" : ""}`;

  if (isAskedInFieldset(field.type))
    return (
      <div class={className}>
        <fieldset class="question__fieldset" aria-describedby={questionDescription(field, id, error)}>
          <legend class="question__legend">{asked(label)}</legend>
          {body}
        </fieldset>
      </div>
    );
  return (
    <div class={className}>
      {asked(
        <label class="question__label" for={id}>
          {label}
        </label>,
      )}
      {body}
    </div>
  );
}
