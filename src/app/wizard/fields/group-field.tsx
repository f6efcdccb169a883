/**
 * A repeatable group (GOV.UK "add another"): each item is a fieldset named "Enfant 1 : Léa" with
 * its questions and a "Retirer" button; "Ajouter un enfant" adds one until the flow's max.
 * Focus follows: to the new item's first question after adding, to the next item after removing.
 */
import "./fields.css";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Item } from "../../../shared/engine/answers";
import type { FieldError } from "../../../shared/engine/validate";
import type { GroupFieldDef, LeafFieldDef } from "../../../shared/flow/schema";
import { useTranslation } from "../../i18n/use-translation";
import { headingId, itemControlId, questionDescription } from "./field-ids";
import type { FileStore, FlowText } from "./field-props";
import { ItemRemoval } from "./item-removal";
import { QuestionField } from "./question-field";
import { ErrorMessage, QuestionHelp, QuestionHints, QuestionLabel } from "./question-texts";

export interface GroupFieldProps {
  readonly field: GroupFieldDef;
  /**
   * DOM id of the "add" button (of the group itself once the button is gone, at max), where the
   * error summary leads. Item headings are `${id}-${index}`, item controls `${id}-${index}-${subId}`.
   */
  readonly id: string;
  readonly items: readonly Item[];
  /** The group's own errors (path "children") and its items' ("children.0.level"). */
  readonly errors: readonly FieldError[];
  readonly onAdd: () => void;
  readonly onRemove: (index: number) => void;
  readonly onChangeItem: (index: number, subId: string, value: unknown) => void;
  /** What names an item ("Léa", from the flow's itemTitle), or "" while unknown. */
  readonly itemTitle: (index: number) => string;
  /** Whether a subfield's showIf holds for that item. */
  readonly isShown: (index: number, subField: LeafFieldDef) => boolean;
  readonly text: FlowText;
  readonly files: FileStore;
  /** The page's only question: the group's label is the h1 and items are h2. */
  readonly asHeading?: boolean;
}

type PendingFocus = { readonly after: "add" | "remove"; readonly index: number; readonly length: number };

export function GroupField(props: GroupFieldProps) {
  const { field, id, items, errors, text, asHeading = false } = props;
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const pending = useRef<PendingFocus | null>(null);
  const errorAt = (path: string) => errors.find((error) => error.path === path);
  const groupError = errorAt(field.id);
  const canAdd = items.length < field.max;
  const Heading = asHeading ? "h1" : "h2";
  const ItemHeading = asHeading ? "h2" : "h3";

  /** "Enfant 2 : Léa", or "Enfant 2" until the item has a name. */
  const itemName = (index: number) => {
    const title = props.itemTitle(index);
    const named = { item: text(field.itemLabel), number: index + 1, title };
    return title ? t("fields:group.itemNameWithTitle", named) : t("fields:group.itemName", named);
  };

  // Runs once the caller has added or removed the item, whenever that happens.
  useEffect(() => {
    const focus = pending.current;
    if (!focus || items.length === focus.length) return;
    pending.current = null;
    if (focus.after === "add") {
      const first = field.fields.find((subField) => props.isShown(focus.index, subField));
      if (first) document.getElementById(itemControlId(id, focus.index, first.id))?.focus();
    } else {
      const next = Math.min(focus.index, items.length - 1);
      document.getElementById(next >= 0 ? `${id}-${next}` : id)?.focus();
    }
  }, [items.length, field.fields, id, props.isShown]);

  const add = () => {
    pending.current = { after: "add", index: items.length, length: items.length };
    props.onAdd();
  };
  const remove = (index: number) => {
    pending.current = { after: "remove", index, length: items.length };
    setAnnouncement(t("fields:group.removed", { name: itemName(index) }));
    props.onRemove(index);
  };

  return (
    <div
      class={`question${groupError ? " question--error" : ""}`}
      // With the add button gone (max reached), the group itself is where its errors lead.
      id={canAdd ? undefined : id}
      tabIndex={canAdd ? undefined : -1}
    >
      <Heading class="question__heading" id={headingId(id)} tabIndex={-1}>
        <QuestionLabel field={field} text={text} />
      </Heading>
      <QuestionHints field={field} id={id} text={text} />
      <QuestionHelp field={field} text={text} />
      {groupError && <ErrorMessage field={field} id={id} text={text} error={groupError} />}
      {items.map((item, index) => {
        const itemError = errorAt(`${field.id}.${index}`);
        return (
          // Index keys: items have no identity of their own, and the machine keeps their order.
          <fieldset key={index} class={`group-item${itemError ? " question--error" : ""}`}>
            <legend class="group-item__legend">
              <ItemHeading class="group-item__heading" id={`${id}-${index}`} tabIndex={-1}>
                {itemName(index)}
              </ItemHeading>
            </legend>
            {itemError && <ErrorMessage field={field} id={`${id}-${index}`} text={text} error={itemError} />}
            {field.fields
              .filter((subField) => props.isShown(index, subField))
              .map((subField) => (
                <QuestionField
                  key={subField.id}
                  field={subField}
                  id={itemControlId(id, index, subField.id)}
                  value={item[subField.id]}
                  error={errorAt(`${field.id}.${index}.${subField.id}`)}
                  onChange={(value) => props.onChangeItem(index, subField.id, value)}
                  text={text}
                  files={props.files}
                />
              ))}
            <ItemRemoval id={`${id}-remove-${index}`} name={itemName(index)} onRemove={() => remove(index)} />
          </fieldset>
        );
      })}
      {canAdd && (
        <button
          type="button"
          id={id}
          aria-describedby={questionDescription(field, id, groupError)}
          onClick={add}
        >
          {text(field.addLabel)}
        </button>
      )}
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
