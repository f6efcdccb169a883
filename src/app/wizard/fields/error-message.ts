/**
 * The text of an engine error, shared by the message next to the field and the error summary.
 * Parameters are written for people: "1 000", "85 000 F", "12 mars 2026", "5 Mo".
 */
import type { FieldError } from "../../../shared/engine/validate";
import type { Field } from "../../../shared/flow/schema";
import { formatAmount, formatBytes, formatDate, formatNumber } from "../../format/format";
import type { Language } from "../../i18n/languages";
import { cameraLikely } from "./camera-likely";
import type { FlowText } from "./field-props";

export function errorText(
  error: FieldError,
  field: Field | undefined,
  t: FlowText,
  language: Language,
): string {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([name, value]) => [
      name,
      forPeople(name, value, error, field, language),
    ]),
  );
  // "Répondez à cette question" does not say what to do for a document: say how to add it.
  if (error.key === "errors:required" && field?.type === "document")
    return cameraLikely()
      ? t("errors:documentRequiredPhoto", {
          photo: t("fields:document.photo"),
          choose: t("fields:document.choose"),
        })
      : t("errors:documentRequired", { choose: t("fields:document.choose") });
  return t(error.key, params);
}

function forPeople(
  name: string,
  value: string | number,
  error: FieldError,
  field: Field | undefined,
  language: Language,
): string | number {
  if (typeof value === "string")
    return error.code === "dateMin" || error.code === "dateMax" ? formatDate(value, language) : value;
  // i18next chooses the plural form from the number itself.
  if (name === "count") return value;
  if (error.code === "fileSize") return formatBytes(value, language);
  return field?.type === "amount" ? formatAmount(value, language) : formatNumber(value, language);
}
