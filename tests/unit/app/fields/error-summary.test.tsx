// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { errorText } from "../../../../src/app/wizard/fields/error-message";
import { ErrorSummary } from "../../../../src/app/wizard/fields/error-summary";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import type { FieldError } from "../../../../src/shared/engine/validate";
import type { Field, LeafFieldDef } from "../../../../src/shared/flow/schema";
import { flowText, groupField, leafField, loadFrenchTexts } from "./french-texts";

const text = flowText("bourse-scolaire");
const files = { store: vi.fn(), remove: vi.fn() };

function error(
  path: string,
  code: FieldError["code"],
  params: FieldError["params"] = {},
  key?: string,
): FieldError {
  return { path, code, key: key ?? `errors:${code}`, params };
}

/** A page with its questions and, above them, the summary of their errors. */
function page(fields: readonly LeafFieldDef[], errors: readonly FieldError[]) {
  const view = (current: readonly FieldError[]) => (
    <>
      <ErrorSummary errors={current} fields={fields} text={text} />
      {fields.map((field) => (
        <QuestionField
          key={field.id}
          field={field}
          id={field.id}
          value={undefined}
          error={current.find((e) => e.path === field.id)}
          onChange={vi.fn()}
          text={text}
          files={files}
        />
      ))}
    </>
  );
  const { rerender } = render(view(errors));
  return { showErrors: (next: readonly FieldError[]) => rerender(view(next)) };
}

const firstName = leafField("bourse-scolaire", "applicantFirstName");
const lastName = leafField("bourse-scolaire", "applicantLastName");
const children = leafField("bourse-scolaire", "childrenInHousehold");

beforeAll(loadFrenchTexts);
afterEach(cleanup);

describe("the error summary", () => {
  it("is an alert titled « Il y a un problème » that takes focus when it appears", () => {
    page(
      [firstName, lastName],
      [error("applicantFirstName", "required"), error("applicantLastName", "required")],
    );
    const summary = screen.getByRole("alert");
    expect(within(summary).getByRole("heading", { name: "Il y a un problème" })).toBeTruthy();
    expect(document.activeElement).toBe(summary);
  });

  it("says which question each generic message is about, and links to its control", () => {
    page(
      [firstName, lastName],
      [error("applicantFirstName", "required"), error("applicantLastName", "required")],
    );
    const links = within(screen.getByRole("alert")).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual([
      "Votre prénom\u00a0: Répondez à cette question pour continuer.",
      "Votre nom de famille\u00a0: Répondez à cette question pour continuer.",
    ]);
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "#applicantFirstName",
      "#applicantLastName",
    ]);
  });

  it("gives a flow's own message as it is", () => {
    page(
      [children],
      [error("childrenInHousehold", "min", { min: 1 }, "fields.childrenInHousehold.errors.min")],
    );
    expect(screen.getByRole("link").textContent).toBe("Indiquez au moins 1 enfant.");
  });

  it("moves focus to the control when a link is followed", () => {
    page([firstName, lastName], [error("applicantLastName", "required")]);
    fireEvent.click(screen.getByRole("link"));
    expect(document.activeElement).toBe(screen.getByLabelText("Votre nom de famille"));
  });

  it("takes focus again when the page is refused again, and disappears once nothing is wrong", () => {
    const { showErrors } = page([firstName], [error("applicantFirstName", "required")]);
    screen.getByLabelText("Votre prénom").focus();
    showErrors([error("applicantFirstName", "pattern")]);
    expect(document.activeElement).toBe(screen.getByRole("alert"));
    showErrors([]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("names the group item a subfield error is in, and links to its control", () => {
    const group = groupField("bourse-scolaire", "children");
    render(
      <ErrorSummary errors={[error("children.1.firstName", "required")]} fields={[group]} text={text} />,
    );
    const link = screen.getByRole("link");
    expect(link.textContent).toBe(
      "Prénom de l'enfant (Enfant 2)\u00a0: Répondez à cette question pour continuer.",
    );
    expect(link.getAttribute("href")).toBe("#children-1-firstName");
  });

  it("names the household member by name when the item has one, with the flow's own message too", () => {
    const members = groupField("aide-medicale", "members");
    const medical = flowText("aide-medicale");
    render(
      <ErrorSummary
        errors={[
          error(
            "members.0.partnerResources",
            "max",
            { max: 10000000 },
            "fields.members.fields.partnerResources.errors.max",
          ),
          error("members.1.birthDate", "required"),
        ]}
        fields={[members]}
        text={medical}
        itemTitle={(groupId, index) => (groupId === "members" && index === 0 ? "Marie" : "")}
      />,
    );
    const [resources, birth] = screen.getAllByRole("link").map((link) => link.textContent);
    expect(resources).toMatch(/^Marie\u00a0: Ce montant semble trop grand pour un mois/);
    expect(birth).toBe("Date de naissance (Personne 2)\u00a0: Répondez à cette question pour continuer.");
  });
});

describe("error messages", () => {
  // Spaces compared as spaces: which no-break space French punctuation takes is the texts' business.
  const message = (e: FieldError, field: Field | undefined) =>
    errorText(e, field, text, "fr").replace(/\s/g, " ");
  const integer = { ...children, errors: undefined };
  const amount = leafField("bourse-scolaire", "monthlyResources");

  it("write numbers, amounts, dates and sizes the way people read them", () => {
    expect(message(error("x", "min", { min: 1000 }), integer)).toBe(
      "Indiquez un nombre égal ou supérieur à 1 000.",
    );
    expect(message(error("x", "max", { max: 250000 }), { ...amount, errors: undefined })).toBe(
      "Indiquez un nombre égal ou inférieur à 250 000 F.",
    );
    expect(message(error("x", "dateMax", { max: "2026-03-12" }), undefined)).toBe(
      "Indiquez une date jusqu'au 12 mars 2026.",
    );
    expect(message(error("x", "fileSize", { max: 5000000 }), leafField("bourse-scolaire", "ribFile"))).toBe(
      "Ce fichier est trop lourd : 5 Mo au plus. Prenez une nouvelle photo ou réduisez le PDF.",
    );
  });

  it("leave counts as numbers, for plurals", () => {
    const group = groupField("aide-medicale", "members");
    const generic = { ...group, errors: undefined };
    expect(message(error("members", "minItems", { count: 1 }), generic)).toBe("Ajoutez au moins 1 élément.");
    expect(message(error("members", "minItems", { count: 2 }), generic)).toBe("Ajoutez au moins 2 éléments.");
    const rib = leafField("bourse-scolaire", "ribFile");
    expect(message(error("ribFile", "maxFiles", { count: 1 }), rib)).toBe(
      "Vous pouvez ajouter 1 fichier au plus pour ce document.",
    );
    expect(message(error("ribFile", "maxFiles", { count: 4 }), rib)).toBe(
      "Vous pouvez ajouter 4 fichiers au plus pour ce document.",
    );
    expect(message(error("name", "maxLength", { count: 1 }), undefined)).toBe("Écrivez au plus 1 caractère.");
    expect(message(error("x", "dateFuture"), undefined)).toBe(
      "Cette date ne peut pas être dans le futur. Vérifiez le jour, le mois et l'année.",
    );
    expect(message(error("x", "dateMin", { min: "2026-01-01" }), undefined)).toBe(
      "Indiquez une date à partir du 1er janvier 2026.",
    );
  });
});
