/**
 * A draft saved on this device by version 1 of the school grant, before it asked how to reach
 * the person: resumed from the catalogue, it says the procedure changed, asks the new questions
 * first, then goes back to the review with every earlier answer kept.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DB_NAME, DB_VERSION } from "../../src/app/storage/database";
import type { Draft } from "../../src/shared/engine/draft";
import { WizardPage } from "./pages/wizard-page";
import { savedDraft, untilAppDatabase } from "./support/device-draft";
import { expect, test } from "./support/fixtures";
import { exactly } from "./support/texts";

const FLOW = "bourse-scolaire";
const older = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "older-drafts", `${FLOW}.v1.json`), "utf8"),
) as Draft;

test("a draft of the procedure's previous version resumes with the new questions first", async ({ page }) => {
  const wizard = new WizardPage(page, FLOW);
  await page.goto("/");
  await expect(wizard.catalogueLink()).toBeVisible();
  await untilAppDatabase(page);
  const id = crypto.randomUUID();
  // As version 1 of the app saved it (src/app/storage/drafts.ts): at the review, all answered.
  await page.evaluate(
    ({ record, name, version }) =>
      new Promise<void>((resolve, reject) => {
        // At the app's version: opened without one, a database still being made is made again, empty.
        const opening = indexedDB.open(name, version);
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction(["drafts", "draft-revisions"], "readwrite");
          tx.objectStore("drafts").put(record);
          tx.objectStore("draft-revisions").add({ draftId: record.id, revision: 1 });
          tx.oncomplete = () => {
            opening.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    {
      record: {
        ...older,
        id,
        updatedAt: new Date().toISOString(),
        step: "review",
        progress: { step: 14, total: 14 },
        owner: null,
        revision: 1,
      },
      name: DB_NAME,
      version: DB_VERSION,
    },
  );
  await page.reload();

  await wizard.resume("Léa Martin");

  await wizard.expectStep("contact");
  await expect(page.getByText(exactly(wizard.texts.wizard("step.migrated")))).toBeVisible();
  await expect(page.getByText(exactly(wizard.texts.wizard("step.migratedNewQuestions")))).toBeVisible();
  await wizard.fillStep({ contactBy: ["phone"], contactPhone: "27 12 34" });
  await wizard.continue();
  await wizard.expectStep("postal-address");
  await wizard.fillStep({ postalAddress: "12 rue des Flamboyants", postalCode: "98835" });
  await wizard.continue();
  await wizard.expectStep("review");
  // Nothing asked in version 1 was asked again or lost.
  await expect(page.getByText(older.answers.accountHolder as string)).toBeVisible();

  await expect
    .poll(async () => (await savedDraft(page, FLOW))?.answers)
    .toMatchObject({ ...older.answers, contactPhone: "27 12 34", postalCode: "98835" });
  const saved = (await savedDraft(page, FLOW)) as unknown as { flowVersion: number };
  expect(saved.flowVersion).toBe(wizard.flow.version);
});
