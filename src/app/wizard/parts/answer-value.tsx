/** An answer as the review shows it: "150 000 F", "12 mars 2015", "Oui", the option's words. */

import { communeById } from "../../../shared/communes";
import type { Answers, Item } from "../../../shared/engine/answers";
import { DOCUMENT_LATER, isEmpty } from "../../../shared/engine/answers";
import { isDocumentRef } from "../../../shared/engine/validate";
import { itemTitle, visibleSubfields } from "../../../shared/engine/visibility";
import type { Field, Flow, LeafFieldDef } from "../../../shared/flow/schema";
import { formatAmount, formatDate, formatNumber } from "../../format/format";
import { useTranslation } from "../../i18n/use-translation";
import type { FlowText } from "../fields/field-props";

interface Props {
  readonly flow: Flow;
  readonly field: Field;
  readonly value: unknown;
  readonly answers: Answers;
  readonly text: FlowText;
}

function LeafValue({ field, value, text }: { field: LeafFieldDef; value: unknown; text: FlowText }) {
  const { t, language } = useTranslation();
  if (isEmpty(value)) return <>{t("wizard:review.empty")}</>;
  switch (field.type) {
    case "integer":
      return <>{typeof value === "number" ? formatNumber(value, language) : String(value)}</>;
    case "amount":
      return <>{typeof value === "number" ? formatAmount(value, language) : String(value)}</>;
    case "date":
      return <>{formatDate(String(value), language)}</>;
    case "yesNo":
      return <>{value === true ? t("wizard:review.yes") : t("wizard:review.no")}</>;
    case "choice": {
      const option = field.options.find((o) => o.value === value);
      return <>{option ? text(option.label) : String(value)}</>;
    }
    case "choices": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <ul class="plain-list">
          {field.options
            .filter((o) => chosen.includes(o.value))
            .map((o) => (
              <li key={o.value}>{text(o.label)}</li>
            ))}
        </ul>
      );
    }
    case "commune":
      return <>{communeById(String(value))?.name ?? String(value)}</>;
    case "document": {
      if (value === DOCUMENT_LATER) return <>{t("wizard:review.documentLater")}</>;
      const files = Array.isArray(value) ? value.filter(isDocumentRef) : [];
      return (
        <ul class="plain-list">
          {files.map((file) => (
            <li key={file.id}>{file.name}</li>
          ))}
        </ul>
      );
    }
    default:
      return <>{String(value)}</>;
  }
}

export function AnswerValue({ flow, field, value, answers, text }: Props) {
  const { t } = useTranslation();
  if (field.type !== "group") return <LeafValue field={field} value={value} text={text} />;
  const items = Array.isArray(value) ? (value as Item[]) : [];
  const itemName = (index: number, title: string | undefined) => {
    const named = { item: text(field.itemLabel), number: index + 1, title };
    return title ? t("fields:group.itemNameWithTitle", named) : t("fields:group.itemName", named);
  };
  if (items.length === 0) return <>{t("wizard:review.empty")}</>;
  return (
    <ol class="review-items">
      {items.map((item, index) => (
        <li key={index}>
          <p class="review-items__title">{itemName(index, itemTitle(flow, field, item, answers))}</p>
          <dl class="review-items__answers">
            {visibleSubfields(flow, field, item, answers).map((sub) => (
              <div key={sub.id}>
                <dt>{text(sub.label)}</dt>
                <dd>
                  <LeafValue field={sub} value={item[sub.id]} text={text} />
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ol>
  );
}
