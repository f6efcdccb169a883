/**
 * Answers one question the way a person does, found by what the page says: a label tied to its
 * control, or a fieldset named by its legend. Finding every control by its name this way is also
 * the check that the name is there.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { communeById } from "../../../src/shared/communes";
import { DOCUMENT_LATER, type Item } from "../../../src/shared/engine/answers";
import type { Field, GroupFieldDef, LeafFieldDef } from "../../../src/shared/flow/schema";
import { filePayload, isExampleDocument } from "../support/document-files";
import { exactly, oneOf, startingWith } from "../support/texts";
import type { WizardTexts } from "./wizard-texts";

export interface QuestionScope {
  readonly page: Page;
  /** The page, or the group item whose questions these are. */
  readonly within: Page | Locator;
  readonly texts: WizardTexts;
}

/** The fieldset of a question answered with several controls (yes/no, options, date, document). */
export function questionGroup({ within, texts }: QuestionScope, field: Field): Locator {
  return within.getByRole("group", { name: exactly(texts.label(field)) });
}

/** The one control of a question with a <label> (text, number, amount, commune). */
export function labelledControl({ within, texts }: QuestionScope, field: Field): Locator {
  return within.getByLabel(exactly(texts.label(field)));
}

/** The radio or checkbox of one option, by its words. */
export function optionControl(scope: QuestionScope, field: Field, value: unknown): Locator {
  const role = field.type === "choices" ? "checkbox" : "radio";
  return questionGroup(scope, field).getByRole(role, {
    name: exactly(optionLabel(scope.texts, field, value)),
  });
}

export function optionLabel(texts: WizardTexts, field: Field, value: unknown): string {
  if (field.type === "yesNo") return texts.fields(value === true ? "yesNo.yes" : "yesNo.no");
  if (field.type !== "choice" && field.type !== "choices") throw new Error(`${field.id} has no options`);
  const option = field.options.find((candidate) => candidate.value === value);
  if (!option) throw new Error(`${field.id} has no option "${String(value)}"`);
  return texts.flowText(option.label);
}

export function communeName(id: unknown): string {
  const commune = communeById(String(id));
  if (!commune) throw new Error(`unknown commune "${String(id)}"`);
  return commune.name;
}

/** What a person types to find a commune: the start of its name, without the article ("Mont"). */
export function communeTyped(id: unknown): string {
  return communeName(id)
    .replace(/^(Le |La |L')/, "")
    .slice(0, 4);
}

/** One of the communes the box offers, by its name (its province follows it). */
export function communeOption({ within }: QuestionScope, id: unknown): Locator {
  return within.getByRole("option", { name: startingWith(`${communeName(id)} `) });
}

/** "2016-03-14" as a person types it in Jour, Mois, Année: 14, 3, 2016. */
export function dateParts(iso: unknown): { day: string; month: string; year: string } {
  const [year = "", month = "", day = ""] = String(iso).split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export async function answerQuestion(scope: QuestionScope, field: Field, value: unknown): Promise<void> {
  switch (field.type) {
    case "text":
    case "longText":
    case "phone":
    case "email":
    case "integer":
    case "amount":
      await labelledControl(scope, field).fill(String(value));
      return;
    case "commune":
      // On a loaded machine the page can move the focus to its heading (an effect after paint)
      // just after the typing, which closes the list: the person types again, and so does this.
      await expect(async () => {
        await labelledControl(scope, field).fill(communeTyped(value));
        await communeOption(scope, value).click({ timeout: 5_000 });
      }).toPass({ timeout: 30_000 });
      await expect(labelledControl(scope, field)).toHaveValue(communeName(value));
      return;
    case "date":
      await answerDate(scope, field, value);
      return;
    case "yesNo":
    case "choice":
      await optionControl(scope, field, value).check();
      return;
    case "choices":
      for (const chosen of Array.isArray(value) ? value : [])
        await optionControl(scope, field, chosen).check();
      return;
    case "document":
      await addDocuments(scope, field, value);
      return;
    case "group":
      await answerGroup(scope, field, Array.isArray(value) ? (value as Item[]) : []);
      return;
  }
}

async function answerDate(scope: QuestionScope, field: LeafFieldDef, value: unknown): Promise<void> {
  const question = questionGroup(scope, field);
  const parts = dateParts(value);
  await question.getByLabel(exactly(scope.texts.fields("date.day"))).fill(parts.day);
  await question.getByLabel(exactly(scope.texts.fields("date.month"))).fill(parts.month);
  await question.getByLabel(exactly(scope.texts.fields("date.year"))).fill(parts.year);
}

/** One file at a time through "Choisir un fichier", as a phone's picker gives them. */
async function addDocuments(scope: QuestionScope, field: LeafFieldDef, value: unknown): Promise<void> {
  const question = questionGroup(scope, field);
  if (value === DOCUMENT_LATER) {
    await question.getByRole("checkbox", { name: exactly(scope.texts.fields("document.later")) }).check();
    return;
  }
  const files = Array.isArray(value) ? value.filter(isExampleDocument) : [];
  for (const file of files) {
    const chooser = scope.page.waitForEvent("filechooser");
    await chooseFileButton(scope, question).click();
    await (await chooser).setFiles(filePayload(file));
    // The file is stored asynchronously; "Continuer" before that would find the question unanswered.
    await expect(addedFile(scope, question, file.name)).toBeVisible();
  }
}

export function chooseFileButton({ texts }: QuestionScope, question: Locator): Locator {
  return question.getByRole("button", { name: exactly(texts.fields("document.choose")) });
}

export function addedFile({ texts }: QuestionScope, question: Locator, name: string): Locator {
  return question
    .getByRole("list", { name: exactly(texts.fields("document.added")) })
    .getByRole("listitem")
    .filter({ hasText: name });
}

/** "Enfant 2" while unnamed, "Enfant 2 : Léa" once named: the item's fieldset either way. */
export function groupItem(scope: QuestionScope, group: GroupFieldDef, number: number): Locator {
  const item = scope.texts.flowText(group.itemLabel);
  const unnamed = scope.texts.fields("group.itemName", { item, number });
  const named = scope.texts.fields("group.itemNameWithTitle", { item, number, title: "\u0000" });
  const [prefix = named] = named.split("\u0000");
  return scope.within.getByRole("group", { name: oneOf(exactly(unnamed), startingWith(prefix)) });
}

async function answerGroup(
  scope: QuestionScope,
  group: GroupFieldDef,
  items: readonly Item[],
): Promise<void> {
  const add = scope.within.getByRole("button", { name: exactly(scope.texts.flowText(group.addLabel)) });
  for (const [index, answers] of items.entries()) {
    await add.click();
    const within = groupItem(scope, group, index + 1);
    // In the flow's order: a question shown only for some answers ("partner") appears once that is given.
    for (const sub of group.fields)
      if (sub.id in answers) await answerQuestion({ ...scope, within }, sub, answers[sub.id]);
  }
}
