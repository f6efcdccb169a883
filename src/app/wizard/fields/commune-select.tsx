/**
 * The commune as a text box that offers the communes matching what is typed (WAI-ARIA APG
 * "combobox with listbox popup", list autocomplete without automatic selection). A native list
 * sorted "Le Mont-Dore" under L and picked Moindou for "Mont"; here accents and articles do not
 * count. The answer is the commune's id once one is chosen (or its name typed in full), otherwise
 * the text itself, so the engine says "choose from the list" on "Continuer".
 */
import { useEffect, useState } from "preact/hooks";
import { type Commune, communeById, communeNamed, searchCommunes } from "../../../shared/communes";
import { useTranslation } from "../../i18n/use-translation";
import { questionDescription } from "./field-ids";
import type { FieldProps, LeafFieldOfType } from "./field-props";
import { useTypedValue } from "./use-typed-value";

function shown(answer: unknown): string {
  if (typeof answer !== "string") return "";
  return communeById(answer)?.name ?? answer;
}

/** The answer a typed text gives: a commune named in full is chosen; an empty box is no answer. */
function answerOf(text: string): string | undefined {
  if (text.trim() === "") return undefined;
  return communeNamed(text)?.id ?? text;
}

export function CommuneSelect({ field, id, value, error, onChange }: FieldProps<LeafFieldOfType<"commune">>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useTypedValue(value, shown);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [everyCommune, setEveryCommune] = useState(false);
  const listboxId = `${id}-listbox`;
  const optionId = (commune: Commune) => `${id}-option-${commune.id}`;

  const matches = searchCommunes(everyCommune ? "" : typed);
  const expanded = open && matches.length > 0;
  const activeCommune = expanded ? matches[active] : undefined;

  const report = (text: string, answer: string | undefined) => {
    setTyped(text, answer);
    onChange(answer);
  };
  const choose = (commune: Commune) => {
    report(commune.name, commune.id);
    setOpen(false);
    setActive(-1);
    setEveryCommune(false);
  };
  const moveTo = (index: number) => {
    setOpen(true);
    setActive(index);
  };
  const activeId = activeCommune ? optionId(activeCommune) : undefined;
  // Long lists scroll inside their box: keep the option the arrows reached in sight.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: "nearest" });
  }, [activeId]);
  /**
   * The arrows open the list on what was typed; on a commune already chosen, whose full name would
   * offer only itself, on every commune from the chosen one, so the person can change their mind.
   */
  const openList = (key: "ArrowDown" | "ArrowUp") => {
    const current = typeof value === "string" ? communeById(value) : undefined;
    const all = current?.name === typed;
    const list = searchCommunes(all ? "" : typed);
    setEveryCommune(all);
    const start = current && all ? list.indexOf(current) : key === "ArrowDown" ? 0 : list.length - 1;
    moveTo(start);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const last = matches.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) openList("ArrowDown");
        else moveTo(active >= last ? 0 : active + 1);
        return;
      case "ArrowUp":
        event.preventDefault();
        if (!expanded) openList("ArrowUp");
        else moveTo(active <= 0 ? last : active - 1);
        return;
      case "Enter":
        // Without an option reached, Enter sends the page's form as in any text box.
        if (activeCommune) {
          event.preventDefault();
          choose(activeCommune);
        }
        return;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
    }
  };

  return (
    <div class="combobox">
      <input
        id={id}
        name={id}
        class="input combobox__input"
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        value={typed}
        aria-describedby={questionDescription(field, id, error)}
        aria-invalid={error ? true : undefined}
        onInput={(event) => {
          const text = event.currentTarget.value;
          report(text, answerOf(text));
          setOpen(text.trim() !== "");
          setActive(-1);
          setEveryCommune(false);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={listboxId} class="combobox__listbox" role="listbox" hidden={!expanded}>
        {expanded &&
          matches.map((commune) => (
            // Proper nouns: the same in every language. The keys are the box's (APG combobox): an
            // option takes no focus and needs no key handler of its own.
            // biome-ignore lint/a11y/useFocusableInteractive: reached by aria-activedescendant.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the box's arrows and Enter choose it.
            <div
              key={commune.id}
              id={optionId(commune)}
              class="combobox__option"
              role="option"
              aria-selected={commune === activeCommune}
              // The focus stays in the box: a blur would close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(commune)}
            >
              {/* The province beside the name: Poya and Koné are in the North, which matters to a
                  procedure of province Sud. Screen readers hear "Koné province Nord". */}
              <span class="combobox__name">{commune.name}</span>{" "}
              <span class="combobox__province">{t(`fields:commune.province.${commune.province}`)}</span>
            </div>
          ))}
      </div>
      {open && matches.length === 0 && (
        <p class="combobox__none" aria-hidden="true">
          {t("fields:commune.none")}
        </p>
      )}
      <div class="visually-hidden" role="status">
        {open &&
          (matches.length === 0
            ? t("fields:commune.none")
            : t("fields:commune.results", { count: matches.length }))}
      </div>
    </div>
  );
}
