/**
 * A large document, added through "Choisir un fichier" as a person would. A PDF, because the app
 * keeps a PDF byte for byte (a photo is shrunk on the device, so its size on the wire is not the
 * size chosen); its body is pseudo-random, so nothing on the way could make it smaller.
 */
import { expect } from "@playwright/test";
import { addedFile, chooseFileButton, type QuestionScope, questionGroup } from "../pages/question-answers";
import type { WizardPage } from "../pages/wizard-page";
import type { FilePayload } from "./document-files";
import { fieldOf } from "./flows";

/** A PDF of exactly `size` bytes: a header the type check reads, filler, and a trailer. */
export function largePdf(name: string, size: number): FilePayload {
  const head = Buffer.from("%PDF-1.4\n", "latin1");
  const tail = Buffer.from("\n%%EOF\n", "latin1");
  const buffer = Buffer.alloc(size);
  head.copy(buffer, 0);
  // A fixed seed: the same bytes on every run, so a failure can be replayed.
  let state = 0x2545f491;
  for (let index = head.length; index < size - tail.length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    buffer[index] = state & 0xff;
  }
  tail.copy(buffer, size - tail.length);
  return { name, mimeType: "application/pdf", buffer };
}

/** Adds the file to a document question of the page in front of the person. */
export async function addDocument(wizard: WizardPage, fieldId: string, file: FilePayload): Promise<void> {
  const scope: QuestionScope = { page: wizard.page, within: wizard.page, texts: wizard.texts };
  const question = questionGroup(scope, fieldOf(wizard.flow, fieldId));
  const chooser = wizard.page.waitForEvent("filechooser");
  await chooseFileButton(scope, question).click();
  await (await chooser).setFiles(file);
  // Stored on the device asynchronously: "Continuer" before that would find the question unanswered.
  await expect(addedFile(scope, question, file.name.replace(/\.pdf$/, ""))).toBeVisible();
}
