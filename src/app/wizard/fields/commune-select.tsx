/** The commune as a native list: every phone's own picker, grouped by province with province Sud first. */
import { COMMUNES, type Province } from "../../../shared/communes";
import { useTranslation } from "../../i18n/use-translation";
import { questionDescription } from "./field-ids";
import type { FieldProps, LeafFieldOfType } from "./field-props";

const PROVINCES: readonly Province[] = ["sud", "nord", "iles"];

export function CommuneSelect({ field, id, value, error, onChange }: FieldProps<LeafFieldOfType<"commune">>) {
  const { t } = useTranslation();
  return (
    <select
      id={id}
      name={id}
      class="select"
      value={typeof value === "string" ? value : ""}
      aria-describedby={questionDescription(field, id, error)}
      aria-invalid={error ? true : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      <option value="">{t("fields:commune.choose")}</option>
      {PROVINCES.map((province) => (
        <optgroup key={province} label={t(`fields:commune.provinces.${province}`)}>
          {COMMUNES.filter((commune) => commune.province === province).map((commune) => (
            // Proper nouns: the same in every language.
            <option key={commune.id} value={commune.id}>
              {commune.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
