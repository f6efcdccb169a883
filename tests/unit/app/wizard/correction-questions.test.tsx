// @vitest-environment happy-dom
/**
 * The answers a correction names, on the receipt: shown with the wizard's own questions and the
 * answer the request holds, checked as their page checks them, and sent as the server takes them
 * (a cleared answer as null, only the questions this device knows).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
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
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import { deviceFiles } from "../../../../src/app/wizard/file-store";
import type { FieldError } from "../../../../src/shared/engine/validate";
import { type Flow, parseFlow } from "../../../../src/shared/flow/schema";
import { flowText, loadFrenchTexts } from "../fields/french-texts";

const ROOT = join(import.meta.dirname, "../../../..");
const flow = parseFlow(JSON.parse(readFileSync(join(ROOT, "flows/bourse-scolaire.json"), "utf8")))
  .flow as Flow;
const wizard = { ErrorSummary, QuestionField, deviceFiles };

const questions = [
  { fieldId: "monthlyResources", label: "Ressources", value: 150_000 },
  { fieldId: "livingAsCouple", label: "En couple", value: true },
  // A list, or a question this version of the procedure does not have: not shown here.
  { fieldId: "children", label: "Enfants" },
  { fieldId: "noLongerAsked", label: "?" },
];

beforeAll(loadFrenchTexts);
afterEach(cleanup);

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
        setErrors(correctionErrors(shown, values));
      }}
    >
      <CorrectionQuestions
        wizard={wizard}
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
    expect(screen.queryByText("Enfants")).toBeNull();
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
    const same = { monthlyResources: 150_000, livingAsCouple: true };
    expect(changedAny(shown, same)).toBe(false);
    expect(correctedAnswers(shown, same)).toEqual(same);
    const changed = { monthlyResources: undefined, livingAsCouple: false };
    expect(changedAny(shown, changed)).toBe(true);
    expect(correctedAnswers(shown, changed)).toEqual({ monthlyResources: null, livingAsCouple: false });
  });
});
