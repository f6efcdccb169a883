// @vitest-environment happy-dom

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { FileStore } from "../../../../src/app/wizard/fields/field-props";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import { type FieldError, validateStep } from "../../../../src/shared/engine/validate";
import { parseFlow } from "../../../../src/shared/flow/schema";
import { flowText, leafField, loadFrenchTexts } from "./french-texts";

const files: FileStore = { store: vi.fn(), remove: vi.fn() };
const text = flowText("bourse-scolaire");
const commune = leafField("bourse-scolaire", "commune");
const LABEL = "Votre commune";

/** Renders the question as the page does: each reported answer comes back as the value. */
function answer(value?: unknown, error?: FieldError) {
  const onChange = vi.fn();
  const view = (current: unknown, shownError?: FieldError) => (
    <QuestionField
      field={commune}
      id={commune.id}
      value={current}
      error={shownError}
      onChange={(next) => {
        onChange(next);
        last = next;
        rerender(view(next, shownError));
      }}
      text={text}
      files={files}
    />
  );
  let last = value;
  const { rerender } = render(view(value, error));
  const box = screen.getByRole<HTMLInputElement>("combobox", { name: LABEL });
  return {
    onChange,
    box,
    /** "Continuer": the engine checks the answer and the page shows its error. */
    submit: () => {
      const { flow } = parseFlow(
        JSON.parse(readFileSync(join(import.meta.dirname, "../../../../flows/bourse-scolaire.json"), "utf8")),
      );
      const step = flow?.steps.find((candidate) => candidate.id === "residence-commune");
      if (!flow || !step) throw new Error("bourse-scolaire has no residence-commune step");
      const [found] = validateStep(flow, step, { commune: last });
      rerender(view(last, found));
      return found;
    },
  };
}

/** The communes offered, by name (each option also says its province). */
const offered = () =>
  screen.queryAllByRole("option").map((option) => option.querySelector(".combobox__name")?.textContent);
/** An option as a screen reader names it: the commune, then its province. */
const option = (name: string) => screen.getByRole("option", { name: new RegExp(`^${name} province `) });
const type = (box: HTMLElement, value: string) => fireEvent.input(box, { target: { value } });
const press = (box: HTMLElement, key: string) => fireEvent.keyDown(box, { key });

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("the commune box", () => {
  it("is a combobox tied to its list, closed until something is typed", () => {
    const { box } = answer();
    expect(box.getAttribute("aria-expanded")).toBe("false");
    const list = document.getElementById(box.getAttribute("aria-controls") ?? "");
    expect(list?.getAttribute("role")).toBe("listbox");
    expect(offered()).toEqual([]);
  });

  it('offers Le Mont-Dore first for "Mont", not Moindou', () => {
    const { box, onChange } = answer();
    type(box, "Mont");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    expect(offered()[0]).toBe("Le Mont-Dore");
    expect(offered()).not.toContain("Moindou");
    type(box, "Mo");
    expect(offered().slice(0, 2)).toEqual(["Le Mont-Dore", "Moindou"]);
    // Nothing is chosen until the person picks: "Mont" is only what they typed.
    expect(onChange).toHaveBeenLastCalledWith("Mo");
  });

  it("says each commune's province beside its name, so Koné is not taken for a commune of the South", () => {
    const { box } = answer();
    type(box, "ko");
    expect(screen.getAllByRole("option").map((each) => each.textContent)).toEqual([
      "Koné province Nord",
      "Koumac province Nord",
      "Kouaoua province Nord",
    ]);
    type(box, "mont");
    expect(option("Le Mont-Dore").textContent).toBe("Le Mont-Dore province Sud");
    type(box, "lif");
    expect(option("Lifou").textContent).toBe("Lifou province des Îles Loyauté");
  });

  it("ignores accents and articles", () => {
    const { box } = answer();
    for (const typed of ["kone", "koné", "KONE"]) {
      type(box, typed);
      expect(offered()).toEqual(["Koné"]);
    }
    type(box, "ile des pins");
    expect(offered()).toEqual(["L'Île-des-Pins"]);
    type(box, "foa");
    expect(offered()).toEqual(["La Foa"]);
  });

  it("says how many communes match, in the right plural, and when none does", () => {
    const { box } = answer();
    const status = screen.getByRole("status");
    type(box, "kone");
    expect(status.textContent).toBe("1 commune correspond. Choisissez-la avec la flèche vers le bas.");
    type(box, "po");
    expect(status.textContent).toMatch(/^\d+ communes correspondent\. /);
    type(box, "Paris");
    expect(status.textContent).toBe(
      "Aucune commune ne correspond. Vérifiez le nom, ou tapez seulement son début.",
    );
    expect(box.getAttribute("aria-expanded")).toBe("false");
  });

  it("is answered with the keyboard alone: arrows, Enter, Escape; the answer saved is the id", () => {
    const { box, onChange } = answer();
    type(box, "mo");
    press(box, "ArrowDown");
    const first = option("Le Mont-Dore");
    expect(box.getAttribute("aria-activedescendant")).toBe(first.id);
    expect(first.getAttribute("aria-selected")).toBe("true");
    press(box, "ArrowDown");
    expect(box.getAttribute("aria-activedescendant")).toBe(option("Moindou").id);
    press(box, "ArrowUp");
    press(box, "Enter");
    expect(onChange).toHaveBeenLastCalledWith("le-mont-dore");
    expect(box.value).toBe("Le Mont-Dore");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect(box.hasAttribute("aria-activedescendant")).toBe(false);

    type(box, "nou");
    expect(box.getAttribute("aria-expanded")).toBe("true");
    press(box, "Escape");
    expect(box.getAttribute("aria-expanded")).toBe("false");
    expect(onChange).toHaveBeenLastCalledWith("nou");
  });

  it("opens every commune from the chosen one with the down arrow, to change one's mind", () => {
    const { box } = answer("kone");
    expect(box.value).toBe("Koné");
    press(box, "ArrowDown");
    expect(offered()).toHaveLength(33);
    expect(box.getAttribute("aria-activedescendant")).toBe(option("Koné").id);
  });

  it("is answered with a tap on an option", () => {
    const { box, onChange } = answer();
    type(box, "paita");
    fireEvent.click(option("Païta"));
    expect(onChange).toHaveBeenLastCalledWith("paita");
    expect(box.value).toBe("Païta");
  });

  it("takes a name typed in full, without accents or article, as the commune itself", () => {
    const { box, onChange } = answer();
    type(box, "mont dore");
    expect(onChange).toHaveBeenLastCalledWith("le-mont-dore");
    type(box, "noumea");
    expect(onChange).toHaveBeenLastCalledWith("noumea");
    type(box, "");
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it("shows a saved answer by the commune's name", () => {
    expect(answer("l-ile-des-pins").box.value).toBe("L'Île-des-Pins");
  });

  it("gives the field's plain error for a text that is no commune, and says it with the box", () => {
    const { box, submit } = answer();
    type(box, "Paris");
    expect(submit()?.code).toBe("commune");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    const described = (box.getAttribute("aria-describedby") ?? "").split(" ");
    const message = described.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    expect(message).toContain("Choisissez votre commune dans la liste.");
  });
});
