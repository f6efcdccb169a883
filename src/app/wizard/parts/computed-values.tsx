/** Computed figures (family quotient, ceiling…) with how each was reached, in the person's words. */
import type { ComputedValue } from "../../../shared/engine/computed";
import { indexFlow } from "../../../shared/flow/flow-index";
import type { Flow } from "../../../shared/flow/schema";
import { formatAmount, formatNumber } from "../../format/format";
import type { Language } from "../../i18n/languages";
import { useTranslation } from "../../i18n/use-translation";
import type { FlowText } from "../fields/field-props";

function isAmount(flow: Flow, name: string): boolean {
  const field = indexFlow(flow).fields.get(name)?.field;
  if (field) return field.type === "amount";
  const computed = flow.computed.find((c) => c.id === name);
  if (computed) return computed.format === "amount";
  return flow.parameters[name]?.unit === "XPF";
}

/** A figure for an explanation: the number alone, since the text says "F" itself ("{{ceiling}} F"). */
function formatFigure(value: unknown, language: Language): string {
  if (typeof value !== "number") return Array.isArray(value) ? String(value.length) : String(value ?? "");
  return formatNumber(value, language);
}

export function ComputedValues({
  flow,
  values,
  text,
}: {
  flow: Flow;
  values: readonly ComputedValue[];
  text: FlowText;
}) {
  const { t, language } = useTranslation();
  return (
    <dl class="computed-values">
      {values.map((c) => {
        const figures = Object.fromEntries(
          Object.entries(c.inputs).map(([name, value]) => [name, formatFigure(value, language)]),
        );
        const figure = formatFigure(c.value, language);
        const shown =
          typeof c.value === "number" && isAmount(flow, c.id) ? formatAmount(c.value, language) : figure;
        const label = c.format === "code" ? text(c.label, { context: String(c.value) }) : text(c.label);
        return (
          <div key={c.id} class="computed-values__row">
            <dt>{label}</dt>
            {c.format !== "code" && c.format !== "boolean" && <dd class="computed-values__value">{shown}</dd>}
            {c.format === "boolean" && typeof c.value === "boolean" && (
              <dd class="computed-values__value">{text(c.label, { context: c.value ? "yes" : "no" })}</dd>
            )}
            <dd class="computed-values__how">
              <span class="visually-hidden">{t("wizard:computed.how")} : </span>
              {text(c.explain, { ...figures, value: figure, [c.id]: figure })}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
