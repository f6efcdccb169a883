/**
 * The start both correction tests share: the phone sends the school grant's example request,
 * walked page by page; an agent on a PC of its own opens it from "À traiter" and, in the ask
 * form, ticks one question to correct and says why. Uncaught errors of either page are collected
 * (the phone goes offline later, so failed fetches are expected and not counted).
 */
import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";
import { WizardPage } from "../pages/wizard-page";
import { expectNoViolations } from "./axe";
import { sendFromReview, walkExample } from "./example-walk";
import { exampleOf } from "./flows";
import { createE2eStaffAccount, staffSignIn } from "./staff-sign-in";

const FLOW = "bourse-scolaire";

export interface CorrectionAsked {
  readonly wizard: WizardPage;
  readonly agent: Page;
  readonly pc: BrowserContext;
  readonly reference: string;
  readonly receiptUrl: string;
  /** Uncaught errors of the phone's page and the agent's. */
  readonly problems: string[];
}

function watch(page: Page, problems: string[]): Page {
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  return page;
}

export async function sendThenAskCorrection(
  phone: Page,
  browser: Browser,
  baseURL: string,
  question: { readonly label: string; readonly why: string; readonly axe?: string },
): Promise<CorrectionAsked> {
  const problems: string[] = [];
  watch(phone, problems);
  const { example } = exampleOf(FLOW, "eligible-one-child");
  const wizard = new WizardPage(phone, FLOW);
  await phone.goto(`/${FLOW}`);
  await wizard.start();
  await walkExample(wizard, example);
  await sendFromReview(wizard);
  const official = phone
    .getByRole("paragraph")
    .filter({ hasText: wizard.texts.wizard("request.officialReference") })
    .locator("strong");
  await expect(official).toHaveText(/^BS-\d{4}-\d+$/, { timeout: 30_000 });
  const reference = (await official.textContent()) ?? "";
  const receiptUrl = phone.url();

  const pc = await browser.newContext({
    baseURL,
    locale: "fr-FR",
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
  });
  const agent = watch(await pc.newPage(), problems);
  await staffSignIn(agent, createE2eStaffAccount(["agent"], [FLOW]));
  await agent.goto(`/agents?queue=to_process&q=${encodeURIComponent(reference)}`);
  await agent.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: reference }).click();
  await expect(agent.getByRole("heading", { level: 1, name: `Demande ${reference}` })).toBeVisible();
  await agent.getByLabel("Une correction").check();
  const questions = agent.getByRole("group", { name: "Les réponses à faire corriger (si vous voulez)" });
  await questions.getByLabel(question.label).check();
  await agent.getByLabel("Ce qu'il faut corriger").fill(question.why);
  if (question.axe) await expectNoViolations(agent, question.axe);
  await agent.getByRole("button", { name: "Envoyer la demande" }).click();
  return { wizard, agent, pc, reference, receiptUrl, problems };
}
