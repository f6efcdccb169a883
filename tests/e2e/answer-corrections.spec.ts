/**
 * A correction of the answers themselves (issue 11), end to end on the real server and the built
 * app: a person sends a school-grant request from a phone (no account: the phone holds its id);
 * an agent on a PC asks, from the request's page, to correct one question — the household's
 * resources — ticked in the form; on the phone's receipt that question comes with the answer sent,
 * checked as its page checks it (a word where a number is due is refused on the phone), then by
 * the server with the whole request (an amount over the ceiling is refused, the form given back),
 * changed offline — kept on the phone, said so — and sent once the network is back; the agent
 * then reads the new amount, the quotient worked out again, and the change in the history.
 */
import { test as base, expect } from "@playwright/test";
import grant from "../../locales/fr/bourse-scolaire.json" with { type: "json" };
import exchanges from "../../locales/fr/exchanges.json" with { type: "json" };
import { expectNoViolations } from "./support/axe";
import { sendThenAskCorrection } from "./support/correction-asked";
import { exampleOf } from "./support/flows";
import { exactly } from "./support/texts";

const FLOW = "bourse-scolaire";
const RESOURCES = grant.fields.monthlyResources.label;

// The phone is offline for a while: failed fetches are expected then, so only uncaught errors count.
const test = base;
test.skip(({ isMobile }) => !isMobile, "a phone and a PC in one test: the phone project runs it");
// A walk through a procedure, two browsers, a `npm run staff` process, on a loaded machine.
test.setTimeout(180_000);

test("an agent asks to correct one answer, the person corrects it on the phone offline first, and the agent reads it", async ({
  page,
  browser,
  baseURL,
}) => {
  expect(exampleOf(FLOW, "eligible-one-child").example.answers.monthlyResources).toBe(150_000);
  // The phone sends the request; the agent asks for a correction of the resources, ticked in the form.
  const phone = page;
  const { agent, pc, receiptUrl, problems } = await sendThenAskCorrection(phone, browser, baseURL ?? "", {
    label: RESOURCES,
    why: "Le montant ne correspond pas à votre avis d'imposition. Merci de le vérifier.",
    axe: "the ask form with a question ticked",
  });
  await expect(agent.getByText("C'est demandé", { exact: false })).toBeVisible();
  await expect(agent.getByTestId("request-status")).toHaveText("En attente du demandeur");

  // The phone's receipt: the question, with the answer the request holds.
  await phone.goto(receiptUrl);
  const tasks = phone.getByRole("region", {
    name: exactly(exchanges.tasks.heading_one, exchanges.tasks.headingDone),
  });
  await expect(tasks).toContainText("avis d'imposition", { timeout: 30_000 });
  await expect(tasks.getByText(exchanges.tasks.questionsIntro)).toBeVisible();
  const amount = tasks.getByLabel(RESOURCES);
  await expect(amount).toHaveValue("150000");
  await expectNoViolations(phone, "a receipt with answers to correct");

  // The same check as on the procedure's page: a word is not an amount.
  await amount.fill("beaucoup");
  const send = tasks.getByRole("button", { name: exchanges.tasks.send });
  await send.click();
  const summary = phone.getByRole("alert").filter({ hasText: grant.fields.monthlyResources.errors.required });
  await expect(summary.first()).toBeVisible();

  // An amount the page accepts but the request does not (a quotient over the ceiling): the
  // server refuses it, the phone says so and gives the form back with the amount typed.
  await amount.fill("200 000");
  await send.click();
  await expect(tasks.getByText(exchanges.answer.invalidCorrections)).toBeVisible({ timeout: 30_000 });
  await expect(amount).toHaveValue("200000");

  // Offline: the corrected amount is kept on the phone, said so.
  await phone.context().setOffline(true);
  await phone.evaluate(() => window.dispatchEvent(new Event("offline")));
  await amount.fill("155 000");
  await send.click();
  await expect(tasks.getByText(exchanges.answer.waitingNetwork)).toBeVisible();

  // The network is back: the sender sends it once, and the task reads as answered.
  await phone.context().setOffline(false);
  await phone.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(tasks.getByText(/^Vous avez répondu le /)).toBeVisible({ timeout: 60_000 });
  await expect(tasks.getByLabel(RESOURCES)).toHaveCount(0);

  // The agent reads the new amount, the quotient worked out again, and the change in the history.
  await agent.reload();
  await expect(agent.getByTestId("request-status")).toHaveText("En instruction");
  const answer = (label: string) =>
    agent
      .locator(".agents-answers div")
      .filter({ has: agent.locator("dt", { hasText: label }) })
      .locator("dd");
  await expect(answer(RESOURCES)).toHaveText(/^155\s000$/);
  const history = agent.getByRole("region", { name: "Historique" });
  await expect(history).toContainText("Le demandeur a corrigé une réponse");
  await expect(history).toContainText(
    new RegExp(`${RESOURCES}\\s: «\\s150\\s000\\s» devient «\\s155\\s000\\s»`),
  );
  // 155 000 F for 2.5 shares.
  await expect(answer(grant.computed.familyQuotient.label).locator("strong")).toHaveText(/^62\s000/);

  await pc.close();
  expect(problems).toEqual([]);
});
