/**
 * Texts of a flow. A key written in a flow file without a namespace belongs to the flow's own
 * namespace; every text may use the flow's parameters, formatted for people ("{{params.smag}} F"
 * gives "137 280 F"), and the date each applies from ({{since.smag}}), so a threshold changes in
 * one place.
 */
import type { Flow } from "../../shared/flow/schema";
import { formatDate, formatNumber } from "../format/format";
import { i18n } from "../i18n/i18n";
import type { Language } from "../i18n/languages";
import type { FlowText } from "./fields/field-props";

export function flowKey(flow: Flow, key: string): string {
  return key.includes(":") ? key : `${flow.id}:${key}`;
}

interface FormattedParameters {
  /** Each parameter's value as people read it. */
  readonly params: Record<string, string>;
  /** The date each value applies from. */
  readonly since: Record<string, string>;
}

/**
 * Each value is formatted the first time a text reads it, then kept: most pages read none, and
 * the first number or date formatted on a page costs a cheap phone a tenth of a second.
 */
function formattedOnRead(ids: readonly string[], format: (id: string) => string): Record<string, string> {
  const record: Record<string, string> = {};
  for (const id of ids) {
    let value: string | undefined;
    Object.defineProperty(record, id, {
      enumerable: true,
      get: () => {
        value ??= format(id);
        return value;
      },
    });
  }
  return record;
}

/** Per flow and language, made once: every text of every render reads them. */
const formatted = new WeakMap<Flow, Map<Language, FormattedParameters>>();

function formattedParameters(flow: Flow, language: Language): FormattedParameters {
  let byLanguage = formatted.get(flow);
  if (!byLanguage) {
    byLanguage = new Map();
    formatted.set(flow, byLanguage);
  }
  let parameters = byLanguage.get(language);
  if (!parameters) {
    const ids = Object.keys(flow.parameters);
    const parameter = (id: string) => flow.parameters[id] as Flow["parameters"][string];
    parameters = {
      params: formattedOnRead(ids, (id) => {
        const { value } = parameter(id);
        return typeof value === "string" ? value : formatNumber(value, language);
      }),
      since: formattedOnRead(ids, (id) => formatDate(parameter(id).since, language)),
    };
    byLanguage.set(language, parameters);
  }
  return parameters;
}

export function flowText(flow: Flow, language: Language): FlowText {
  const { params, since } = formattedParameters(flow, language);
  return (key, values) => i18n.t(flowKey(flow, key) as never, { params, since, ...values });
}
