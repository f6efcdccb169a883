/**
 * A procedure as a person goes through it: start from the catalogue, answer the page in front of
 * them, continue, go back, check the review and send. Which questions a page has comes from the
 * flow file (the step is read from the address); every text from the locale files.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import type { Answers } from "../../../src/shared/engine/answers";
import type { Field, Flow, Step } from "../../../src/shared/flow/schema";
import { commonText } from "../../support/flow-texts";
import { loadFlow, stepOf } from "../support/flows";
import { containing, exactly, type Language, oneOf } from "../support/texts";
import { answerQuestion, type QuestionScope } from "./question-answers";
import { WizardTexts } from "./wizard-texts";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export class WizardPage {
  readonly flow: Flow;
  texts: WizardTexts;

  constructor(
    readonly page: Page,
    flowId: string,
    language: Language = "fr",
  ) {
    this.flow = loadFlow(flowId);
    this.texts = new WizardTexts(this.flow, language);
  }

  get language(): Language {
    return this.texts.language;
  }

  /** The procedure's title in the list of procedures, a link to its start page. */
  catalogueLink(): Locator {
    return this.page.getByRole("link", { name: exactly(this.texts.flowText(this.flow.title)) });
  }

  /** From the list of procedures: the procedure's title, then "Commencer" on its start page. */
  async start(): Promise<void> {
    await this.page.goto("/");
    await this.catalogueLink().click();
    await expect(this.heading()).toHaveText(exactly(this.texts.flowText(this.flow.title)));
    await this.startButton().click();
    await this.expectStep(this.flow.start);
  }

  /**
   * One visit with network to the start page: the service worker installs, takes control, and
   * keeps this procedure's files for offline use, which the page then says.
   */
  async openForOffline(): Promise<void> {
    await this.page.goto(`/${this.flow.id}`);
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(this.page.getByText(exactly(this.texts.wizard("start.offlineReady")))).toBeVisible();
  }

  /** "Commencer", or "Commencer une nouvelle demande" when drafts of it are on the device. */
  startButton(another = false): Locator {
    const key = another ? "start.beginAnother" : "start.begin";
    return this.page.getByRole("button", { name: exactly(this.texts.wizard(key)) });
  }

  /**
   * A draft in a list of drafts (the catalogue's, the start page's), found by whose it is:
   * "Pour Marie Wayenece", or "Nom pas encore donné".
   */
  draftItem(person: string | undefined): Locator {
    const name = person
      ? this.texts.common("drafts.person", { name: person })
      : this.texts.common("drafts.noName");
    return this.page.getByRole("listitem", { name: exactly(name) });
  }

  /** "Reprendre" on a draft of the list. */
  async resume(person: string | undefined): Promise<void> {
    await this.draftItem(person)
      .getByRole("link", { name: exactly(this.texts.common("drafts.resume")) })
      .click();
  }

  /** The draft's own id, from the address (it becomes the request's id). */
  draftId(): string {
    const match = new URL(this.page.url()).pathname.match(new RegExp(`^/${this.flow.id}/(${UUID})/`));
    if (!match?.[1]) throw new Error(`not on a draft of ${this.flow.id}: ${this.page.url()}`);
    return match[1];
  }

  heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** The step the address names; the address follows the machine, so it is the page shown. */
  currentStep(): Step {
    const match = new URL(this.page.url()).pathname.match(
      new RegExp(`^/${this.flow.id}/${UUID}/([a-z0-9-]+)$`),
    );
    if (!match?.[1]) throw new Error(`not on a step of ${this.flow.id}: ${this.page.url()}`);
    return stepOf(this.flow, match[1]);
  }

  /** The page is this step: its address, and its heading (the question itself on a one-question page). */
  async expectStep(stepId: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/${this.flow.id}/${UUID}/${stepId}$`));
    const step = stepOf(this.flow, stepId);
    const headings = [this.texts.flowText(step.title)];
    if (step.type === "questions") headings.push(...step.fields.map((field) => this.texts.label(field)));
    await expect(this.heading()).toHaveText(exactly(...headings));
  }

  /**
   * Answers every question of the current page that `answers` answers (an example's answer set),
   * on a page not answered yet: group items are added, not replaced.
   */
  async fillStep(answers: Answers): Promise<void> {
    const step = this.currentStep();
    if (step.type !== "questions") throw new Error(`${step.id} is a ${step.type} page, not questions`);
    const scope: QuestionScope = { page: this.page, within: this.page, texts: this.texts };
    for (const field of step.fields)
      if (field.id in answers) await answerQuestion(scope, field, answers[field.id]);
  }

  continueButton(): Locator {
    return this.page.getByRole("button", { name: exactly(this.texts.wizard("step.continue")) });
  }

  async continue(): Promise<void> {
    await this.continueButton().click();
  }

  /** "‹ Retour": a button inside the procedure, a link to the start page on the first step. */
  backControl(): Locator {
    const name = exactly(this.texts.wizard("step.back"));
    return this.page.getByRole("button", { name }).or(this.page.getByRole("link", { name }));
  }

  async back(): Promise<void> {
    await this.backControl().click();
  }

  /** "Étape 3 sur 12". */
  async expectProgress(step: number, total: number): Promise<void> {
    await expect(
      this.page.getByText(exactly(this.texts.wizard("step.progress", { step, total }))),
    ).toBeVisible();
  }

  errorSummary(): Locator {
    return this.page.getByRole("alert").filter({ hasText: this.texts.fields("errorSummary.title") });
  }

  async applyAnyway(): Promise<void> {
    await this.page.getByRole("button", { name: exactly(this.texts.wizard("outcome.applyAnyway")) }).click();
  }

  /** "Modifier : <question>" on the review page. */
  changeButton(field: Field): Locator {
    const name = this.texts.wizard("review.changeWhat", { label: this.texts.label(field) });
    return this.page.getByRole("button", { name: exactly(name) });
  }

  /**
   * The review's row for a question: its label, the answer as shown, and "Modifier". A row has no
   * role of its own (a <div> in the <dl>), so it is found by its class, around its button.
   */
  reviewRow(field: Field): Locator {
    return this.page.locator(".summary-list__row").filter({ has: this.changeButton(field) });
  }

  /** "Les documents" on the review: each needed document, added or not yet. */
  documentChecklist(): Locator {
    const heading = this.page.getByRole("heading", {
      name: exactly(this.texts.wizard("review.documentsHeading")),
    });
    return this.page.locator("section").filter({ has: heading }).getByRole("list");
  }

  /** "J'accepte et j'envoie ma demande" on the declaration. */
  submitButton(): Locator {
    return this.page.getByRole("button", { name: exactly(this.texts.wizard("declaration.submit")) });
  }

  async submit(): Promise<void> {
    await this.submitButton().click();
  }

  /**
   * The request's own page: ready with its provisional number while it waits for the network, or
   * already sent with the province's number (the test server receives requests too).
   */
  async expectConfirmation(): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`/demandes/${UUID}$`));
    const texts = this.texts;
    await expect(this.heading()).toHaveText(
      exactly(texts.wizard("request.title"), texts.wizard("request.sentTitle")),
    );
    const label = oneOf(
      containing(texts.wizard("request.reference")),
      containing(texts.wizard("request.officialReference")),
    );
    const provisional = /[0-9A-F]{4}-[0-9A-F]{4}/;
    const official = new RegExp(`${this.flow.referencePrefix}-\\d{4}-\\d+`);
    await expect(this.page.getByRole("paragraph").filter({ hasText: label })).toContainText(
      oneOf(provisional, official),
    );
  }

  /** The header's language buttons, each named in its own language ("English" on a French page). */
  async switchLanguage(language: Language): Promise<void> {
    await this.page
      .getByRole("button", { name: exactly(commonText(this.language, `language.${language}`)) })
      .click();
    await expect(this.page.locator("html")).toHaveAttribute("lang", language);
    this.texts = this.texts.in(language);
  }
}
