/**
 * Radios or checkboxes, GOV.UK style: large targets, one option per line, an optional hint under
 * each label. The question's fieldset around them carries the legend, hint and error.
 */
interface Option {
  /** The input's value, and what onToggle reports. */
  readonly key: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly checked: boolean;
}

interface OptionListProps {
  readonly type: "radio" | "checkbox";
  /** Given to the first input; the others get `${id}-${index}`. */
  readonly id: string;
  readonly options: readonly Option[];
  readonly onToggle: (key: string, checked: boolean) => void;
  readonly inline?: boolean;
}

export function OptionList({ type, id, options, onToggle, inline = false }: OptionListProps) {
  return (
    <div class={`options--${type}${inline ? " options--inline" : ""}`}>
      {options.map((option, index) => {
        const inputId = index === 0 ? id : `${id}-${index}`;
        // Not `${inputId}-hint`: the first input's id is the question's, whose hint has that id.
        const hintId = `${id}-${index}-hint`;
        return (
          <div key={option.key} class="options__item">
            <input
              id={inputId}
              name={id}
              class="options__input"
              type={type}
              value={option.key}
              checked={option.checked}
              aria-describedby={option.hint === undefined ? undefined : hintId}
              onChange={(event) => onToggle(option.key, event.currentTarget.checked)}
            />
            <label class="options__label" for={inputId}>
              {option.label}
            </label>
            {option.hint !== undefined && (
              <p class="options__hint" id={hintId}>
                {option.hint}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
