/** A free answer over several lines, with its length limit said up front (GOV.UK character count, simplified). */
import { useTranslation } from "../../i18n/use-translation";
import { describedBy, questionDescription } from "./field-ids";
import type { FieldProps, LeafFieldOfType } from "./field-props";

export function LongTextInput({
  field,
  id,
  value,
  error,
  onChange,
}: FieldProps<LeafFieldOfType<"longText">>) {
  const { t } = useTranslation();
  const limitId = `${id}-limit`;
  return (
    <>
      <textarea
        id={id}
        name={id}
        class="input input--longText"
        rows={5}
        value={typeof value === "string" ? value : ""}
        aria-describedby={describedBy(
          questionDescription(field, id, error),
          field.maxLength !== undefined && limitId,
        )}
        aria-invalid={error ? true : undefined}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {field.maxLength !== undefined && (
        <p class="question__hint" id={limitId}>
          {t("fields:longText.maxLength", { count: field.maxLength })}
        </p>
      )}
    </>
  );
}
