// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { FileStore } from "../../../../src/app/wizard/fields/field-props";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import type { FieldError } from "../../../../src/shared/engine/validate";
import type { LeafFieldDef } from "../../../../src/shared/flow/schema";
import { descriptionOf, flowText, groupField, leafField, loadFrenchTexts } from "./french-texts";

const files: FileStore = { store: vi.fn(), remove: vi.fn() };
const text = flowText("bourse-scolaire");

/** Renders the question as the page does: each reported answer comes back as the value. */
function answer(field: LeafFieldDef, value?: unknown, error?: FieldError) {
  const onChange = vi.fn();
  const view = (current: unknown) => (
    <QuestionField
      field={field}
      id={field.id}
      value={current}
      error={error}
      onChange={(next) => {
        onChange(next);
        rerender(view(next));
      }}
      text={text}
      files={files}
    />
  );
  const { rerender } = render(view(value));
  return { onChange, setValue: (next: unknown) => rerender(view(next)) };
}

/** As on a slow phone: the answers reported come back only when the test says so. */
function answerLate(field: LeafFieldDef) {
  const onChange = vi.fn();
  const view = (current: unknown) => (
    <QuestionField
      field={field}
      id={field.id}
      value={current}
      onChange={onChange}
      text={text}
      files={files}
    />
  );
  const { rerender } = render(view(undefined));
  return { onChange, comesBack: (value: unknown) => rerender(view(value)) };
}

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("an amount", () => {
  const monthlyResources = leafField("bourse-scolaire", "monthlyResources");
  const label = "Ressources du foyer par mois, en francs";

  it("opens the numeric keypad and shows francs after the box, for the eye only", () => {
    answer(monthlyResources);
    const input = screen.getByLabelText(label);
    expect(input.getAttribute("inputmode")).toBe("numeric");
    const suffix = input.nextElementSibling;
    expect(suffix?.textContent).toBe("F");
    expect(suffix?.getAttribute("aria-hidden")).toBe("true");
  });

  it("reads an amount typed with spaces, and keeps showing what was typed", () => {
    const { onChange } = answer(monthlyResources);
    const input = screen.getByLabelText<HTMLInputElement>(label);
    fireEvent.input(input, { target: { value: "150 000" } });
    expect(onChange).toHaveBeenLastCalledWith(150000);
    expect(input.value).toBe("150 000");
  });

  it("gives what cannot be read as it is, so the engine can explain", () => {
    const { onChange } = answer(monthlyResources);
    fireEvent.input(screen.getByLabelText(label), { target: { value: "abc" } });
    expect(onChange).toHaveBeenLastCalledWith("abc");
  });

  it("shows an answer given before, and one changed from elsewhere", () => {
    const { setValue } = answer(monthlyResources, 185000);
    const input = screen.getByLabelText<HTMLInputElement>(label);
    expect(input.value).toBe("185000");
    setValue(92000);
    expect(input.value).toBe("92000");
  });

  it("keeps every key typed when the answers come back late, and still follows a change from elsewhere", () => {
    const { comesBack } = answerLate(monthlyResources);
    const input = screen.getByLabelText<HTMLInputElement>(label);
    for (const typed of ["1", "15", "150"]) fireEvent.input(input, { target: { value: typed } });
    comesBack(1);
    expect(input.value).toBe("150");
    comesBack(15);
    comesBack(150);
    expect(input.value).toBe("150");
    comesBack(92000);
    expect(input.value).toBe("92000");
  });
});

describe("a whole number", () => {
  it("is read the same way, without a unit", () => {
    const { onChange } = answer(leafField("bourse-scolaire", "childrenInHousehold"));
    const input = screen.getByLabelText("Nombre d'enfants à votre charge");
    expect(input.getAttribute("inputmode")).toBe("numeric");
    expect(input.nextElementSibling).toBeNull();
    fireEvent.input(input, { target: { value: "3" } });
    expect(onChange).toHaveBeenLastCalledWith(3);
  });

  it.each([
    ["12 ans", 12],
    ["12ans", 12],
    ["1 an", 1],
    ["15 années", 15],
    ["12 years", 12],
    ["12 Ans.", 12],
  ])("reads %j in a box of years as %j", (typed, expected) => {
    const { onChange } = answer(leafField("bourse-scolaire", "residenceYears"));
    fireEvent.input(screen.getByLabelText("Nombre d'années en province Sud"), { target: { value: typed } });
    expect(onChange).toHaveBeenLastCalledWith(expected);
  });

  it("keeps a word that is in doubt as text, so the engine asks again", () => {
    const { onChange } = answer(leafField("bourse-scolaire", "residenceYears"));
    const input = screen.getByLabelText("Nombre d'années en province Sud");
    fireEvent.input(input, { target: { value: "6 mois" } });
    expect(onChange).toHaveBeenLastCalledWith("6 mois");
    fireEvent.input(input, { target: { value: "12 ans 6 mois" } });
    expect(onChange).toHaveBeenLastCalledWith("12 ans 6 mois");
  });

  it('reads "3 enfants" in a box of children', () => {
    const { onChange } = answer(leafField("bourse-scolaire", "childrenInHousehold"));
    fireEvent.input(screen.getByLabelText("Nombre d'enfants à votre charge"), {
      target: { value: "3 enfants" },
    });
    expect(onChange).toHaveBeenLastCalledWith(3);
  });
});

describe("a date", () => {
  const birthDate = groupField("bourse-scolaire", "children").fields.find((f) => f.id === "birthDate");
  if (!birthDate) throw new Error("bourse-scolaire children have no birthDate");
  const legend = "Date de naissance de l'enfant";

  it("asks day, month and year in three labelled boxes inside a fieldset", () => {
    answer(birthDate);
    const group = screen.getByRole("group", { name: legend });
    for (const part of ["Jour", "Mois", "Année"])
      expect(within(group).getByLabelText(part).getAttribute("inputmode")).toBe("numeric");
    expect(within(group).getByLabelText("Jour").id).toBe("birthDate");
    expect(descriptionOf(group)).toBe("Exemple : 14 3 2016");
  });

  it("gives the ISO date with zero-padding once the three parts are there, the parts before", () => {
    const { onChange } = answer(birthDate);
    fireEvent.input(screen.getByLabelText("Jour"), { target: { value: "12" } });
    expect(onChange).toHaveBeenLastCalledWith("--12");
    fireEvent.input(screen.getByLabelText("Mois"), { target: { value: "3" } });
    expect(onChange).toHaveBeenLastCalledWith("-3-12");
    fireEvent.input(screen.getByLabelText("Année"), { target: { value: "2015" } });
    expect(onChange).toHaveBeenLastCalledWith("2015-03-12");
    expect(screen.getByLabelText<HTMLInputElement>("Mois").value).toBe("3");
  });

  it("keeps every digit of the year when the answers come back late", () => {
    const { comesBack } = answerLate(birthDate);
    fireEvent.input(screen.getByLabelText("Jour"), { target: { value: "12" } });
    fireEvent.input(screen.getByLabelText("Mois"), { target: { value: "3" } });
    const year = screen.getByLabelText<HTMLInputElement>("Année");
    for (const typed of ["2", "20", "201", "2015"]) fireEvent.input(year, { target: { value: typed } });
    comesBack("--12");
    comesBack("-3-12");
    comesBack("2-03-12");
    expect(year.value).toBe("2015");
    expect(screen.getByLabelText<HTMLInputElement>("Jour").value).toBe("12");
  });

  it("never pads the year, so a two-digit year stays an error", () => {
    const { onChange } = answer(birthDate, "2015-03-12");
    fireEvent.input(screen.getByLabelText("Année"), { target: { value: "15" } });
    expect(onChange).toHaveBeenLastCalledWith("15-03-12");
  });

  it("gives nothing once every part is emptied, so the engine asks for an answer", () => {
    const { onChange } = answer(birthDate, "--12");
    fireEvent.input(screen.getByLabelText("Jour"), { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith("");
  });

  it("re-derives the parts from the value", () => {
    const { setValue } = answer(birthDate, "2016-06-05");
    const parts = () =>
      ["Jour", "Mois", "Année"].map((part) => screen.getByLabelText<HTMLInputElement>(part).value);
    expect(parts()).toEqual(["05", "06", "2016"]);
    setValue("2010-11-30");
    expect(parts()).toEqual(["30", "11", "2010"]);
  });

  it("marks the three boxes invalid and announces the error with the set", () => {
    answer(birthDate, "2015--12", { path: "birthDate", code: "date", key: "errors:date", params: {} });
    for (const part of ["Jour", "Mois", "Année"])
      expect(screen.getByLabelText(part).getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(screen.getByRole("group", { name: legend }))).toBe(
      "Exemple : 14 3 2016 Erreur : Indiquez une date réelle : jour, mois et année. Exemple : 12 3 2015",
    );
  });
});
