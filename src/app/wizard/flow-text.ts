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

function formattedParameters(flow: Flow, language: Language): Record<string, string> {
  return Object.fromEntries(
    Object.entries(flow.parameters).map(([id, p]) => [
      id,
      typeof p.value === "string" ? p.value : formatNumber(p.value, language),
    ]),
  );
}

export function flowText(flow: Flow, language: Language): FlowText {
  const params = formattedParameters(flow, language);
  const since = Object.fromEntries(
    Object.entries(flow.parameters).map(([id, p]) => [id, formatDate(p.since, language)]),
  );
  return (key, values) => i18n.t(flowKey(flow, key) as never, { params, since, ...values });
}
