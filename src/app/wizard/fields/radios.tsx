/** One answer among several: yesNo (a boolean) and choice (an option value). */
import { useTranslation } from "../../i18n/use-translation";
import type { FieldProps, LeafFieldOfType } from "./field-props";
import { OptionList } from "./option-list";

export function YesNoRadios({ id, value, onChange }: FieldProps<LeafFieldOfType<"yesNo">>) {
  const { t } = useTranslation();
  return (
    <OptionList
      type="radio"
      id={id}
      inline
      options={[
        { key: "yes", label: t("fields:yesNo.yes"), checked: value === true },
        { key: "no", label: t("fields:yesNo.no"), checked: value === false },
      ]}
      onToggle={(key) => onChange(key === "yes")}
    />
  );
}

export function ChoiceRadios({ field, id, value, onChange, text }: FieldProps<LeafFieldOfType<"choice">>) {
  return (
    <OptionList
      type="radio"
      id={id}
      options={field.options.map((option) => ({
        key: option.value,
        label: text(option.label),
        hint: option.hint === undefined ? undefined : text(option.hint),
        checked: value === option.value,
      }))}
      onToggle={(key) => onChange(key)}
    />
  );
}
