/** Several answers at once: the value is the list of checked option values, in the flow's order. */
import type { FieldProps, LeafFieldOfType } from "./field-props";
import { OptionList } from "./option-list";

export function Checkboxes({ field, id, value, onChange, text }: FieldProps<LeafFieldOfType<"choices">>) {
  const checked = new Set(Array.isArray(value) ? value : []);
  return (
    <OptionList
      type="checkbox"
      id={id}
      options={field.options.map((option) => ({
        key: option.value,
        label: text(option.label),
        hint: option.hint === undefined ? undefined : text(option.hint),
        checked: checked.has(option.value),
      }))}
      onToggle={(key, isChecked) =>
        onChange(
          field.options
            .map((option) => option.value)
            .filter((option) => (option === key ? isChecked : checked.has(option))),
        )
      }
    />
  );
}
