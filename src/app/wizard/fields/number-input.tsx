/** Whole numbers and amounts in francs: a text box with the numeric keypad, read with parseAmount. */
import { parseAmount } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import { questionDescription } from "./field-ids";
import type { FieldProps, LeafFieldOfType } from "./field-props";
import { readTypedNumber } from "./typed-number";
import { useTypedValue } from "./use-typed-value";

function shown(answer: unknown): string {
  if (typeof answer === "number") return String(answer);
  return typeof answer === "string" ? answer : "";
}

export function NumberInput({
  field,
  id,
  value,
  error,
  onChange,
}: FieldProps<LeafFieldOfType<"integer" | "amount">>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useTypedValue(value, shown);
  // type="number" would drop "150 000" and spin on scroll; text with a numeric keypad keeps what was typed.
  const input = (
    <input
      id={id}
      name={id}
      class={`input input--${field.type}`}
      type="text"
      inputMode="numeric"
      spellcheck={false}
      value={typed}
      aria-describedby={questionDescription(field, id, error)}
      aria-invalid={error ? true : undefined}
      onInput={(event) => {
        const text = event.currentTarget.value;
        // A number when readable; otherwise the text itself, so the engine says what is wrong with it.
        const answer = field.type === "integer" ? readTypedNumber(text, field.unit) : parseAmount(text);
        setTyped(text, answer);
        onChange(answer);
      }}
    />
  );
  if (field.type === "integer") return input;
  // The label says "en francs"; the suffix is for the eye only.
  return (
    <div class="input-unit">
      {input}
      <span class="input-unit__suffix" aria-hidden="true">
        {t("fields:amount.unit")}
      </span>
    </div>
  );
}
