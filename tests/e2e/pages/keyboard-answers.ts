/**
 * Answers questions with the keyboard alone, as a person who cannot use a mouse or a touch screen:
 * Tab (or Shift+Tab) to the control, then type, Space and the arrow keys. Reaching every control
 * this way is the check that each one is in the tab order.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { DOCUMENT_LATER } from "../../../src/shared/engine/answers";
import type { Field, LeafFieldDef } from "../../../src/shared/flow/schema";
import { filePayload, isExampleDocument } from "../support/document-files";
import { exactly } from "../support/texts";
import {
  addedFile,
  chooseFileButton,
  communeName,
  communeOption,
  communeTyped,
  dateParts,
  labelledControl,
  optionControl,
  type QuestionScope,
  questionGroup,
} from "./question-answers";

/** More presses than any page has stops: past that, the control is out of the tab order. */
const MAX_PRESSES = 80;

async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate(
    (element) => element === document.activeElement || element.contains(document.activeElement),
  );
}

/** Presses Tab (or Shift+Tab) until `target`, or an element inside it, has the focus. */
export async function tabTo(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await target.waitFor();
  for (let press = 0; press < MAX_PRESSES; press++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${target}`);
}

/** Tab to the control, then Enter: buttons, links, "Continuer". */
export async function activate(page: Page, target: Locator, key: "Tab" | "Shift+Tab" = "Tab"): Promise<void> {
  await tabTo(page, target, key);
  await page.keyboard.press("Enter");
}

export async function answerByKeyboard(scope: QuestionScope, field: Field, value: unknown): Promise<void> {
  const { page } = scope;
  switch (field.type) {
    case "text":
    case "longText":
    case "phone":
    case "email":
    case "integer":
    case "amount":
      await tabTo(page, labelledControl(scope, field));
      // With no pause between keys, faster than anyone types: none may be lost.
      await page.keyboard.type(String(value));
      return;
    case "commune":
      await chooseCommune(scope, field, value);
      return;
    case "date":
      await typeDate(scope, field, value);
      return;
    case "yesNo":
    case "choice":
      await chooseOption(scope, field, value);
      return;
    case "choices":
      // Each box in turn, forward: the questions a box opens come after the whole list.
      for (const chosen of Array.isArray(value) ? value : []) {
        await tabTo(page, optionControl(scope, field, chosen));
        await page.keyboard.press("Space");
      }
      return;
    case "document":
      await addDocuments(scope, field, value);
      return;
    default:
      throw new Error(`no keyboard answer for ${field.type} questions yet`);
  }
}

/** The start of the name typed, then the arrow keys down the communes offered, and Enter. */
async function chooseCommune(scope: QuestionScope, field: Field, value: unknown): Promise<void> {
  const box = labelledControl(scope, field);
  const wanted = communeOption(scope, value);
  await tabTo(scope.page, box);
  await scope.page.keyboard.type(communeTyped(value));
  await expect(wanted).toBeVisible();
  const wantedId = await wanted.getAttribute("id");
  for (let press = 0; press < MAX_PRESSES; press++) {
    await scope.page.keyboard.press("ArrowDown");
    if ((await box.getAttribute("aria-activedescendant")) === wantedId) {
      await scope.page.keyboard.press("Enter");
      await expect(box).toHaveValue(communeName(value));
      return;
    }
  }
  throw new Error(`the arrow keys never reached ${communeName(value)}`);
}

/** Jour, then Tab, Mois, then Tab, Année. */
async function typeDate(scope: QuestionScope, field: Field, value: unknown): Promise<void> {
  const { page } = scope;
  const parts = dateParts(value);
  const question = questionGroup(scope, field);
  await tabTo(page, question.getByRole("textbox").first());
  await page.keyboard.type(parts.day);
  await page.keyboard.press("Tab");
  await page.keyboard.type(parts.month);
  await page.keyboard.press("Tab");
  await page.keyboard.type(parts.year);
}

/**
 * Tab enters a set of radios on its checked one, or on the first when none is; Space checks it
 * and the arrow keys move the choice along.
 */
async function chooseOption(scope: QuestionScope, field: LeafFieldDef, value: unknown): Promise<void> {
  const { page } = scope;
  const target = optionControl(scope, field, value);
  await tabTo(page, questionGroup(scope, field).getByRole("radio").first());
  await page.keyboard.press("Space");
  for (let press = 0; press < MAX_PRESSES && !(await target.isChecked()); press++)
    await page.keyboard.press("ArrowDown");
  await expect(target).toBeChecked();
}

/** "Choisir un fichier" with Enter opens the device's picker; choosing there is outside the page. */
async function addDocuments(scope: QuestionScope, field: Field, value: unknown): Promise<void> {
  const question = questionGroup(scope, field);
  if (value === DOCUMENT_LATER) {
    await tabTo(
      scope.page,
      question.getByRole("checkbox", { name: exactly(scope.texts.fields("document.later")) }),
    );
    await scope.page.keyboard.press("Space");
    return;
  }
  for (const file of Array.isArray(value) ? value.filter(isExampleDocument) : []) {
    const chooser = scope.page.waitForEvent("filechooser");
    await activate(scope.page, chooseFileButton(scope, question));
    await (await chooser).setFiles(filePayload(file));
    await expect(addedFile(scope, question, file.name)).toBeVisible();
  }
}
