// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { i18n } from "../../../../src/app/i18n/i18n";
import type { FileStore, FlowText } from "../../../../src/app/wizard/fields/field-props";
import { QuestionField } from "../../../../src/app/wizard/fields/question-field";
import type { FieldError } from "../../../../src/shared/engine/validate";
import type { LeafFieldDef } from "../../../../src/shared/flow/schema";
import { descriptionOf, flowText, groupField, leafField, loadFrenchTexts } from "./french-texts";

const files: FileStore = { store: vi.fn(), remove: vi.fn() };

interface Asked {
  readonly value?: unknown;
  readonly error?: FieldError;
  readonly asHeading?: boolean;
  readonly text?: FlowText;
}

function ask(field: LeafFieldDef, options: Asked = {}) {
  const onChange = vi.fn();
  render(
    <QuestionField
      field={field}
      id={field.id}
      value={options.value}
      error={options.error}
      onChange={onChange}
      text={options.text ?? flowText("bourse-scolaire")}
      files={files}
      asHeading={options.asHeading}
    />,
  );
  return onChange;
}

/** Kinds the two flows do not use yet, with texts of their own. */
const TEST_TEXTS = {
  phone: { label: "Votre numéro de téléphone" },
  email: { label: "Votre adresse e-mail" },
  story: { label: "Expliquez votre situation" },
  needs: {
    label: "De quoi avez-vous besoin ?",
    options: { glasses: "Lunettes", teeth: "Soins dentaires", teethHint: "Prothèses comprises." },
  },
};
const common = { required: true } as const;
const phone: LeafFieldDef = { ...common, id: "phone", type: "phone", label: "phone.label" };
const email: LeafFieldDef = { ...common, id: "email", type: "email", label: "email.label" };
const story: LeafFieldDef = {
  ...common,
  id: "story",
  type: "longText",
  label: "story.label",
  maxLength: 500,
};
const needs: LeafFieldDef = {
  ...common,
  id: "needs",
  type: "choices",
  label: "needs.label",
  options: [
    { value: "glasses", label: "needs.options.glasses" },
    { value: "teeth", label: "needs.options.teeth", hint: "needs.options.teethHint" },
  ],
};

beforeAll(async () => {
  await loadFrenchTexts();
  i18n.addResourceBundle("fr", "test-flow", TEST_TEXTS);
});
afterEach(cleanup);

describe("a question with one control", () => {
  const residenceYears = leafField("bourse-scolaire", "residenceYears");

  it("ties the label to the control", () => {
    ask(residenceYears);
    expect(screen.getByLabelText("Nombre d'années en province Sud").id).toBe("residenceYears");
  });

  it("makes the label the page's h1 when it is the page's only question, ready to take focus", () => {
    ask(residenceYears, { asHeading: true });
    const heading = screen.getByRole("heading", { level: 1, name: "Nombre d'années en province Sud" });
    expect(within(heading).getByText("Nombre d'années en province Sud").tagName).toBe("LABEL");
    expect(heading.getAttribute("tabindex")).toBe("-1");
    expect(heading.id).toBe("residenceYears-heading");
  });

  it("announces the hint and the example with the control", () => {
    ask(residenceYears);
    const input = screen.getByLabelText("Nombre d'années en province Sud");
    expect(descriptionOf(input)).toBe(
      "Comptez les années complètes. Si vous avez toujours vécu ici, indiquez votre âge. Exemple : 12",
    );
    expect(input.getAttribute("aria-invalid")).toBeNull();
  });

  it("shows the error above the control, announces it with the control and marks the control invalid", () => {
    ask(residenceYears, {
      error: {
        path: "residenceYears",
        code: "max",
        key: "fields.residenceYears.errors.max",
        params: { max: 120 },
      },
    });
    const input = screen.getByLabelText("Nombre d'années en province Sud");
    const message = screen.getByText(/Ce nombre semble trop grand/);
    expect(message.textContent).toBe("Erreur\u00a0: Ce nombre semble trop grand. Vérifiez-le.");
    expect(within(message).getByText("Erreur :").className).toBe("visually-hidden");
    expect(descriptionOf(input)).toMatch(/Exemple : 12 Erreur : Ce nombre semble trop grand/);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(message.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says why it asks and what a term means, folded until asked for", () => {
    ask(leafField("bourse-scolaire", "childrenInHousehold"));
    const why = screen.getByText("Pourquoi cette question ?");
    expect(why.tagName).toBe("SUMMARY");
    expect(why.closest("details")?.textContent).toContain("Chaque enfant compte dans le calcul");
    const term = screen.getByText("Que veut dire « quotient familial » ?");
    expect(term.tagName).toBe("SUMMARY");
    expect(term.closest("details")?.textContent).toContain("Les ressources du foyer par mois, divisées");
  });

  it("keeps acronyms as the glossary writes them", () => {
    ask(leafField("bourse-scolaire", "ribFile"));
    expect(screen.getByText("Que veut dire « RIB ou RIP » ?")).toBeTruthy();
  });

  it("reports what is typed, and lets a long paste in so the engine can say it is too long", () => {
    const onChange = ask(leafField("bourse-scolaire", "applicantFirstName"));
    const input = screen.getByLabelText("Votre prénom");
    expect(input.hasAttribute("maxlength")).toBe(false);
    fireEvent.input(input, { target: { value: "Léa" } });
    expect(onChange).toHaveBeenCalledWith("Léa");
  });

  it("marks a question that may be skipped", () => {
    const childResources = groupField("aide-medicale", "members").fields.find(
      (f) => f.id === "childResources",
    );
    if (!childResources) throw new Error("aide-medicale has no childResources");
    ask(childResources, { text: flowText("aide-medicale") });
    expect(screen.getByLabelText("Ses ressources par mois, en francs, s'il en a (facultatif)")).toBeTruthy();
  });

  it("asks a phone number with the phone keypad and autofill", () => {
    ask(phone, { text: flowText("test-flow") });
    const input = screen.getByLabelText("Votre numéro de téléphone");
    expect([
      input.getAttribute("type"),
      input.getAttribute("autocomplete"),
      input.getAttribute("inputmode"),
    ]).toEqual(["tel", "tel", "tel"]);
  });

  // spellcheck={false} is set as a property, which browsers have and happy-dom does not: not checked here.
  it("asks an email address with the email keyboard and autofill", () => {
    ask(email, { text: flowText("test-flow") });
    const input = screen.getByLabelText("Votre adresse e-mail");
    expect([input.getAttribute("type"), input.getAttribute("autocomplete")]).toEqual(["email", "email"]);
  });

  it("says how long a long answer may be, without cutting it", () => {
    const onChange = ask(story, { text: flowText("test-flow") });
    const textarea = screen.getByLabelText("Expliquez votre situation");
    expect(textarea.tagName).toBe("TEXTAREA");
    expect(textarea.hasAttribute("maxlength")).toBe(false);
    expect(descriptionOf(textarea)).toBe("Vous pouvez écrire jusqu'à 500 caractères.");
    fireEvent.input(textarea, { target: { value: "Je vis seule." } });
    expect(onChange).toHaveBeenCalledWith("Je vis seule.");
  });
});

describe("a question with a set of controls", () => {
  it("names the set with a legend, announces its hint, and answers yes or no with a boolean", () => {
    const onChange = ask(leafField("bourse-scolaire", "livingAsCouple"), {
      error: { path: "livingAsCouple", code: "required", key: "errors:required", params: {} },
    });
    const group = screen.getByRole("group", { name: "Vivez-vous en couple\u00a0?" });
    expect(descriptionOf(group)).toMatch(
      /^Marié, pacsé ou en union libre.* Erreur : Répondez à cette question/,
    );
    fireEvent.click(within(group).getByRole("radio", { name: "Non" }));
    expect(onChange).toHaveBeenLastCalledWith(false);
    fireEvent.click(within(group).getByRole("radio", { name: "Oui" }));
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it("shows the answer given", () => {
    ask(leafField("bourse-scolaire", "livingAsCouple"), { value: false });
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Non" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Oui" }).checked).toBe(false);
  });

  it("makes the legend the page's h1 when it is the page's only question", () => {
    ask(leafField("bourse-scolaire", "livingAsCouple"), { asHeading: true });
    const heading = screen.getByRole("heading", { level: 1, name: "Vivez-vous en couple\u00a0?" });
    expect(heading.parentElement?.tagName).toBe("LEGEND");
  });

  it("gives each option its hint and reports the option chosen", () => {
    const onChange = ask(leafField("bourse-scolaire", "applicantLink"));
    const guardian = screen.getByRole("radio", { name: "Je suis le tuteur ou la tutrice" });
    expect(descriptionOf(guardian)).toBe("Un juge vous a confié la tutelle des enfants.");
    expect(screen.getByRole("radio", { name: "Je suis le père ou la mère" }).id).toBe("applicantLink");
    fireEvent.click(guardian);
    expect(onChange).toHaveBeenCalledWith("guardian");
  });

  it("keeps the question's hint apart from its first option's hint", () => {
    const level = groupField("bourse-scolaire", "children").fields.find((f) => f.id === "level");
    if (!level) throw new Error("bourse-scolaire children have no level");
    ask(level);
    const group = screen.getByRole("group", { name: "Classe de l'enfant à la rentrée" });
    expect(descriptionOf(group)).toBe("Choisissez le niveau où l'enfant sera inscrit.");
    expect(descriptionOf(within(group).getByRole("radio", { name: "Maternelle" }))).toBe(
      "Petite, moyenne ou grande section.",
    );
  });

  it("reports the boxes ticked, in the order of the options", () => {
    const onChange = ask(needs, { text: flowText("test-flow"), value: ["teeth"] });
    const group = screen.getByRole("group", { name: "De quoi avez-vous besoin ?" });
    expect(descriptionOf(within(group).getByRole("checkbox", { name: "Soins dentaires" }))).toBe(
      "Prothèses comprises.",
    );
    fireEvent.click(within(group).getByRole("checkbox", { name: "Lunettes" }));
    expect(onChange).toHaveBeenLastCalledWith(["glasses", "teeth"]);
    fireEvent.click(within(group).getByRole("checkbox", { name: "Soins dentaires" }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });
});
