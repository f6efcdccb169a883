/**
 * GOV.UK error summary: at the top of a refused page, "Il y a un problème" and one link per
 * error to the control to fix. It takes focus when a new list of errors arrives, so screen reader
 * users hear it and keyboard users start from it.
 */
import "./fields.css";
import { useEffect, useRef } from "preact/hooks";
import type { FieldError } from "../../../shared/engine/validate";
import type { Field, GroupFieldDef } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { errorText } from "./error-message";
import { controlIdOf } from "./field-ids";
import type { FlowText } from "./field-props";

export interface ErrorSummaryProps {
  /** The page's errors; each new list (a new array) moves focus to the summary again. */
  readonly errors: readonly FieldError[];
  /** The page's fields, to word each message. */
  readonly fields: readonly Field[];
  readonly text: FlowText;
  /** What names an item of a group ("Marie", from the flow's itemTitle), or "" while unknown. */
  readonly itemTitle?: (groupId: string, index: number) => string;
}

const TITLE_ID = "error-summary-title";

export function ErrorSummary({ errors, fields, text, itemTitle }: ErrorSummaryProps) {
  const { t, language } = useTranslation();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    summary.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;

  const linkText = (error: FieldError) => {
    const { field, group } = about(fields, error.path);
    const message = errorText(error, field, text, language);
    // An error on a household member says whom it is about: "Marie", or "Personne 2" unnamed.
    const name = group
      ? itemTitle?.(group.field.id, group.index) ||
        t("fields:group.itemName", { item: text(group.field.itemLabel), number: group.index + 1 })
      : undefined;
    // Generic messages ("Répondez à cette question…") do not say which question; the flow's own ones do.
    if (!field || !error.key.startsWith("errors:"))
      return name === undefined ? message : t("fields:errorSummary.forItem", { name, message });
    const label =
      name === undefined
        ? text(field.label)
        : t("fields:errorSummary.inItem", { label: text(field.label), name });
    return t("fields:errorSummary.withLabel", { label, message });
  };

  return (
    <div ref={summary} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={TITLE_ID}>
      <h2 id={TITLE_ID}>{t("fields:errorSummary.title")}</h2>
      <ul class="error-summary__list">
        {errors.map((error) => {
          const target = controlIdOf(error.path);
          return (
            <li key={`${error.path}:${error.code}`}>
              <a href={`#${target}`} onClick={(event) => focusControl(event, target)}>
                {linkText(error)}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The field an error path is about, and the group item it is in: "children.1.level". */
function about(
  fields: readonly Field[],
  path: string,
): { field: Field | undefined; group?: { field: GroupFieldDef; index: number } } {
  const [fieldId, index, subId] = path.split(".");
  const field = fields.find((candidate) => candidate.id === fieldId);
  if (field?.type !== "group" || index === undefined || subId === undefined) return { field };
  return {
    field: field.fields.find((subField) => subField.id === subId),
    group: { field, index: Number(index) },
  };
}

/**
 * Following "#id" scrolls but does not focus the control in every browser. The question's label
 * is brought into view with it when both fit on the screen, so the person sees what is asked.
 */
function focusControl(event: MouseEvent, id: string): void {
  const control = document.getElementById(id);
  if (!control) return;
  event.preventDefault();
  const question = control.closest(".question");
  const fits =
    question !== null &&
    control.getBoundingClientRect().bottom - question.getBoundingClientRect().top < window.innerHeight;
  if (fits) question.scrollIntoView({ block: "start" });
  else control.scrollIntoView({ block: "center" });
  control.focus({ preventScroll: true });
}
