import type { ComponentChildren } from "preact";
import type { WizardActor } from "../session";

/** A page whose button (or Enter) asks the machine for the next page; the machine decides. */
export function NextForm({ actor, children }: { actor: WizardActor; children: ComponentChildren }) {
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        actor.send({ type: "NEXT" });
      }}
    >
      {children}
    </form>
  );
}
