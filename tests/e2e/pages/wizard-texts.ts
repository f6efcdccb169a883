/** The texts one procedure shows in one language: its own, the wizard's and the questions'. */
import type { Field, Flow } from "../../../src/shared/flow/schema";
import { formatAmount, formatDate, formatNumber } from "../support/formats";
import { fieldsText, type Language, textOf, wizardText } from "../support/texts";

type Values = Readonly<Record<string, string | number>>;

export class WizardTexts {
  constructor(
    readonly flow: Flow,
    readonly language: Language,
  ) {}

  /**
   * A key from the flow file: no namespace means the flow's own. Texts may quote the flow's
   * parameters ({{params.minResidenceMonths}}) and the dates they apply from ({{since.smag}}).
   */
  flowText(key: string, values: Values = {}): string {
    return textOf(this.language, key, this.flow.id, { ...this.parameterValues(), ...values });
  }

  private parameterValues(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [id, parameter] of Object.entries(this.flow.parameters)) {
      const { value, unit, since } = parameter;
      values[`params.${id}`] =
        typeof value === "string"
          ? value
          : unit === "XPF"
            ? formatAmount(this.language, value)
            : formatNumber(this.language, value);
      values[`since.${id}`] = formatDate(this.language, since);
    }
    return values;
  }

  wizard(key: string, values: Values = {}): string {
    return wizardText(this.language, key, values);
  }

  fields(key: string, values: Values = {}): string {
    return fieldsText(this.language, key, values);
  }

  common(key: string, values: Values = {}): string {
    return textOf(this.language, key, "common", values);
  }

  /** A question's label as the page names its control: optional ones end with "(facultatif)". */
  label(field: Field): string {
    const label = this.flowText(field.label);
    return field.required === false ? `${label} ${this.fields("optional")}` : label;
  }

  /** The same procedure's texts in another language. */
  in(language: Language): WizardTexts {
    return new WizardTexts(this.flow, language);
  }
}
