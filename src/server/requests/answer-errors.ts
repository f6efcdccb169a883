/**
 * Validation errors in plain French, for the 422 answer. The engine gives locale keys and raw
 * parameters; parameters are written the way the app writes them ("5 Mo", "85 000 F", "12 mars 2026").
 */
import type { FieldError } from "../../shared/engine/validate";
import type { Flow } from "../../shared/flow/schema";
import { fieldAt } from "../flows/flow-fields";
import type { FrenchTexts } from "../flows/french-texts";

export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

const GENERIC = "Cette réponse est à vérifier.";
const number = (digits: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits });
const DATE = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function describeErrors(
  flow: Flow,
  errors: readonly FieldError[],
  texts: FrenchTexts,
): FieldProblem[] {
  return errors.map((error) => {
    const params = Object.fromEntries(
      Object.entries(error.params).map(([name, value]) => [name, forPeople(flow, error, name, value)]),
    );
    return { path: error.path, code: error.code, message: texts.text(error.key, flow.id, params) ?? GENERIC };
  });
}

function forPeople(flow: Flow, error: FieldError, name: string, value: string | number): string | number {
  if (typeof value === "string") {
    const isDate =
      (error.code === "dateMin" || error.code === "dateMax") && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return isDate ? DATE.format(new Date(`${value}T00:00:00Z`)) : value;
  }
  // The plural form is chosen from the number itself.
  if (name === "count") return value;
  if (error.code === "fileSize") return bytes(value);
  if (fieldAt(flow, error.path)?.type === "amount") return `${number(0).format(value)}\u00a0F`;
  return number(2).format(value);
}

function bytes(value: number): string {
  const units = ["o", "Ko", "Mo", "Go"];
  let size = value;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${number(unit === 0 ? 0 : 1).format(size)}\u00a0${units[unit]}`;
}
