/**
 * "Retirer" for one item of a group, confirmed inline ("Retirer « Enfant 1 : Léa » ? Oui, retirer /
 * Non, garder"): a dialog box would be one more thing to understand, and window.confirm cannot
 * be styled nor translated by us.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useTranslation } from "../../i18n/use-translation";

interface ItemRemovalProps {
  readonly id: string;
  /** The item as its heading names it: "Enfant 1 : Léa". */
  readonly name: string;
  readonly onRemove: () => void;
}

export function ItemRemoval({ id, name, onRemove }: ItemRemovalProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  // Focus follows the person's own presses only, never the first render.
  const pressed = useRef(false);
  const askButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pressed.current) (asking ? keepButton : askButton).current?.focus();
  }, [asking]);
  const answer = (ask: boolean) => {
    pressed.current = true;
    setAsking(ask);
  };
  // The next item takes this one's place (and this component) once removed: it must not inherit the
  // question, and the group decides where focus goes.
  const confirm = () => {
    pressed.current = false;
    setAsking(false);
    onRemove();
  };

  if (!asking)
    return (
      <button ref={askButton} id={id} type="button" onClick={() => answer(true)}>
        {t("fields:group.remove")}
        <span class="visually-hidden"> {name}</span>
      </button>
    );
  // Focus lands on "Non, garder": the legend asks the question, and Enter by mistake keeps the item.
  return (
    <fieldset class="confirm">
      <legend class="confirm__question">{t("fields:group.confirmRemove", { name })}</legend>
      <div class="confirm__actions">
        <button type="button" class="button--warning" onClick={confirm}>
          {t("fields:group.confirmYes")}
        </button>
        <button ref={keepButton} type="button" onClick={() => answer(false)}>
          {t("fields:group.confirmNo")}
        </button>
      </div>
    </fieldset>
  );
}
