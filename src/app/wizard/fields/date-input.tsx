/**
 * GOV.UK date input: Jour, Mois, Année in three boxes, inside the question's fieldset. The answer
 * is "YYYY-MM-DD" once the three parts are there, otherwise the parts as typed, so the engine
 * reports an incomplete date instead of losing it.
 */
import { useTranslation } from "../../i18n/use-translation";
import type { FieldProps, LeafFieldOfType } from "./field-props";
import { useTypedValue } from "./use-typed-value";

interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

const PARTS = ["day", "month", "year"] as const;
const BIRTH_DATE_PART = { day: "bday-day", month: "bday-month", year: "bday-year" } as const;

function partsOf(answer: unknown): DateParts {
  if (typeof answer !== "string") return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = answer.split("-");
  return { day, month, year };
}

const withoutSpaces = (part: string) => part.replace(/\s/g, "");

function dateOf(parts: DateParts): string {
  const day = withoutSpaces(parts.day);
  const month = withoutSpaces(parts.month);
  const year = withoutSpaces(parts.year);
  if (!day && !month && !year) return "";
  // The year is never padded: "15" is more likely 2015 than the year 15, so it stays an error.
  if (day && month && year) return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return `${year}-${month}-${day}`;
}

function partId(id: string, part: (typeof PARTS)[number]): string {
  return part === "day" ? id : `${id}-${part}`;
}

export function DateInput({ field, id, value, error, onChange }: FieldProps<LeafFieldOfType<"date">>) {
  const { t } = useTranslation();
  const [parts, setParts] = useTypedValue(value, partsOf);
  return (
    <div class="date-input">
      {PARTS.map((part) => (
        <div key={part}>
          <label class="date-input__label" for={partId(id, part)}>
            {t(`fields:date.${part}`)}
          </label>
          <input
            id={partId(id, part)}
            name={partId(id, part)}
            class={`input date-input__${part}`}
            type="text"
            inputMode="numeric"
            spellcheck={false}
            autocomplete={field.autocomplete === "bday" ? BIRTH_DATE_PART[part] : undefined}
            value={parts[part]}
            aria-invalid={error ? true : undefined}
            onInput={(event) => {
              const next = { ...parts, [part]: event.currentTarget.value };
              const answer = dateOf(next);
              setParts(next, answer);
              onChange(answer);
            }}
          />
        </div>
      ))}
    </div>
  );
}
