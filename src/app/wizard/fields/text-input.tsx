/** One-line answers: text, phone and email. The engine checks length and format on "Continuer". */

import { questionDescription } from "./field-ids";
import type { FieldProps, LeafFieldOfType } from "./field-props";

type OneLineField = LeafFieldOfType<"text" | "phone" | "email">;

export function TextInput({ field, id, value, error, onChange }: FieldProps<OneLineField>) {
  // No maxLength attribute: the browser would cut a long paste silently; the engine says what is too long.
  return (
    <input
      id={id}
      name={id}
      class={`input input--${field.type}`}
      value={typeof value === "string" ? value : ""}
      aria-describedby={questionDescription(field, id, error)}
      aria-invalid={error ? true : undefined}
      onInput={(event) => onChange(event.currentTarget.value)}
      {...KIND[field.type]}
      {...(field.autocomplete ? { autocomplete: field.autocomplete } : {})}
    />
  );
}

const KIND = {
  text: { type: "text" },
  phone: { type: "tel", autocomplete: "tel", inputMode: "tel" },
  // Phones would otherwise capitalise the first letter and "correct" the address.
  email: { type: "email", autocomplete: "email", spellcheck: false, autoCapitalize: "none" },
} as const;
