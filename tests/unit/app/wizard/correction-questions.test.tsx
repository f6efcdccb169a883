// @vitest-environment happy-dom
/**
 * The answers a correction names, on the receipt: shown with the wizard's own questions and lists
 * and the answer the request holds, checked as their page checks them, and sent as the server
 * takes them (a cleared answer as null, a list's entries whole, only the questions this device
 * knows).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CorrectionQuestions,
  changedAny,
  correctedAnswers,
  correctionErrors,
  shownQuestions,
} from "../../../../src/app/wizard/exchanges/correction-questions";
import { ErrorSummary } from "../../../../src/app/wizard/fields/error-summary";
import { GroupField } from "../../../../src/app/wizard/fields/group-field";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import { deviceFiles } from "../../../../src/app/wizard/file-store";
import type { FieldError } from "../../../../src/shared/engine/validate";
import { type Flow, parseFlow } from "../../../../src/shared/flow/schema";
import { flowText, loadFrenchTexts } from "../fields/french-texts";

const ROOT = join(import.meta.dirname, "../../../..");
const flow = parseFlow(JSON.parse(readFileSync(join(ROOT, "flows/bourse-scolaire.json"), "utf8")))
  .flow as Flow;
const wizard = { ErrorSummary, GroupField, QuestionField, deviceFiles };

const TOM = {
  firstName: "Tom",
  birthDate: "2016-03-14",
  level: "primary",
  schoolName: "École de Koutio, Dumbéa",
  regime: "halfBoarder",
};

const questions = [
  { fieldId: "monthlyResources", label: "Ressources", value: 150_000 },
  { fieldId: "livingAsCouple", label: "En couple", value: true },
  { fieldId: "children", label: "Enfants", value: [TOM] },
  // A question this version of the procedure does not have: not shown here.
  { fieldId: "noLongerAsked", label: "?" },
];

beforeAll(loadFrenchTexts);
afterEach(cleanup);

let sent: unknown;

function Form() {
  const shown = shownQuestions(flow, questions);
  const [values, setValues] = useState<Record<string, unknown>>(
    Object.fromEntries(questions.map((q) => [q.fieldId, q.value])),
  );
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const wrong = correctionErrors(flow, shown, values);
        setErrors(wrong);
        if (wrong.length === 0) sent = correctedAnswers(shown, values);
      }}
    >
      <CorrectionQuestions
        wizard={wizard}
        flow={flow}
        shown={shown}
        values={values}
        errors={errors}
        onChange={(fieldId, value) => setValues((current) => ({ ...current, [fieldId]: value }))}
        text={flowText("bourse-scolaire")}
      />
      <button type="submit">Envoyer</button>
    </form>
  );
}

describe("the answers to correct", () => {
  it("shows each question the device knows with the answer the request holds", () => {
    render(<Form />);
    expect(screen.getByLabelText("Ressources du foyer par mois, en francs")).toHaveProperty(
      "value",
      "150000",
    );
    expect(screen.getByRole("group", { name: /Vivez-vous en couple/ })).toBeTruthy();
    expect(screen.getByLabelText("Oui")).toHaveProperty("checked", true);
    expect(screen.getByRole("heading", { name: "Vos enfants" })).toBeTruthy();
    const tom = screen.getByRole("group", { name: /^Enfant 1\s:\sTom$/ });
    expect(within(tom).getByLabelText("Prénom de l'enfant")).toHaveProperty("value", "Tom");
    expect(within(tom).getByLabelText("École élémentaire")).toHaveProperty("checked", true);
    expect(screen.queryByText("?")).toBeNull();
  });

  it("changes a list with the wizard's own group: an entry changed, one added, checked as on its page", () => {
    sent = undefined;
    render(<Form />);
    const tom = screen.getByRole("group", { name: /^Enfant 1\s:\sTom$/ });
    fireEvent.click(within(tom).getByLabelText("Collège"));
    fireEvent.click(screen.getByRole("button", { name: "Ajouter un enfant" }));
    // A new child left empty: refused as the procedure's page refuses it, nothing sent.
    fireEvent.click(screen.getByRole("button", { name: "Envoyer" }));
    expect(screen.getByRole("alert").textContent).toContain("Enfant 2");
    expect(sent).toBeUndefined();

    const zoe = screen.getByRole("group", { name: /^Enfant 2/ });
    fireEvent.input(within(zoe).getByLabelText("Prénom de l'enfant"), { target: { value: "Zoé" } });
    for (const [part, value] of [
      ["Jour", "2"],
      ["Mois", "9"],
      ["Année", "2019"],
    ] as const)
      fireEvent.input(within(zoe).getByLabelText(part), { target: { value } });
    fireEvent.click(within(zoe).getByLabelText("Maternelle"));
    fireEvent.input(within(zoe).getByLabelText(/Nom de l'école/), { target: { value: "École de Koutio" } });
    fireEvent.click(within(zoe).getByLabelText(/Externe/));
    fireEvent.click(screen.getByRole("button", { name: "Envoyer" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(sent).toEqual({
      monthlyResources: 150_000,
      livingAsCouple: true,
      children: [
        { ...TOM, level: "lowerSecondary" },
        {
          firstName: "Zoé",
          birthDate: "2019-09-02",
          level: "nursery",
          schoolName: "École de Koutio",
          regime: "dayPupil",
        },
      ],
    });
  });

  it("refuses what the procedure's page refuses, with the procedure's own message", () => {
    render(<Form />);
    fireEvent.input(screen.getByLabelText("Ressources du foyer par mois, en francs"), {
      target: { value: "beaucoup" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Envoyer" }));
    const summary = screen.getByRole("alert");
    expect(summary.textContent).toContain("Indiquez les ressources du mois, en francs");
  });

  it("sends every question shown, a cleared one as null, and tells whether anything changed", () => {
    const shown = shownQuestions(flow, questions);
    const same = { monthlyResources: 150_000, livingAsCouple: true, children: [TOM] };
    expect(changedAny(shown, same)).toBe(false);
    expect(correctedAnswers(shown, same)).toEqual(same);
    const changed = { monthlyResources: undefined, livingAsCouple: false, children: [TOM] };
    expect(changedAny(shown, changed)).toBe(true);
    expect(correctedAnswers(shown, changed)).toEqual({
      monthlyResources: null,
      livingAsCouple: false,
      children: [TOM],
    });
    expect(changedAny(shown, { ...same, children: [{ ...TOM, regime: "boarder" }] })).toBe(true);
  });
});
