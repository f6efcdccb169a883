/**
 * A correction of a list (issue 11), end to end on the real server and the built app: a person
 * sends a school-grant request from a phone; an agent on a PC ticks "Vos enfants" in the ask
 * form; on the phone's receipt the list comes with the child sent, in the wizard's own group
 * field; the person changes the child's class offline — kept on the phone, said so — and the
 * answer goes once the network is back; the agent then reads the new class and the change, in
 * few words, in the history.
 */
import { test as base, expect } from "@playwright/test";
import grant from "../../locales/fr/bourse-scolaire.json" with { type: "json" };
import exchanges from "../../locales/fr/exchanges.json" with { type: "json" };
import { expectNoViolations } from "./support/axe";
import { sendThenAskCorrection } from "./support/correction-asked";
import { exactly } from "./support/texts";

const CHILDREN = grant.fields.children.label;
const LEVEL = grant.fields.children.fields.level;

// The phone is offline for a while: failed fetches are expected then, so only uncaught errors count.
const test = base;
test.skip(({ isMobile }) => !isMobile, "a phone and a PC in one test: the phone project runs it");
// A walk through a procedure, two browsers, a `npm run staff` process, on a loaded machine.
test.setTimeout(180_000);

test("an agent asks to correct the children, the person changes a child's class on the phone offline first, and the agent reads it", async ({
  page,
  browser,
  baseURL,
}) => {
  const phone = page;
  const { agent, pc, receiptUrl, problems } = await sendThenAskCorrection(phone, browser, baseURL ?? "", {
    label: CHILDREN,
    why: "Tom entre au collège à la rentrée, merci de corriger sa classe.",
  });
  await expect(agent.getByTestId("request-status")).toHaveText("En attente du demandeur");

  // The phone's receipt: the list with the child sent, in the wizard's own group field.
  await phone.goto(receiptUrl);
  const tasks = phone.getByRole("region", {
    name: exactly(exchanges.tasks.heading_one, exchanges.tasks.headingDone),
  });
  await expect(tasks).toContainText("collège", { timeout: 30_000 });
  await expect(tasks.getByRole("heading", { name: CHILDREN })).toBeVisible();
  const tom = tasks.getByRole("group", { name: /^Enfant 1\s:\sTom$/ });
  await expect(tom.getByLabel(LEVEL.options.primary)).toBeChecked();
  await expectNoViolations(phone, "a receipt with a list to correct");

  // Offline: the corrected list is kept on the phone, said so.
  await phone.context().setOffline(true);
  await phone.evaluate(() => window.dispatchEvent(new Event("offline")));
  await tom.getByLabel(LEVEL.options.lowerSecondary).check();
  await tasks.getByRole("button", { name: exchanges.tasks.send }).click();
  await expect(tasks.getByText(exchanges.answer.waitingNetwork)).toBeVisible();

  await phone.context().setOffline(false);
  await phone.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(tasks.getByText(/^Vous avez répondu le /)).toBeVisible({ timeout: 60_000 });
  await expect(tasks.getByRole("group", { name: /^Enfant 1/ })).toHaveCount(0);

  // The agent reads the new class, and the change in few words in the history.
  await agent.reload();
  await expect(agent.getByTestId("request-status")).toHaveText("En instruction");
  const answer = (label: string) =>
    agent
      .locator(".agents-answers div")
      .filter({ has: agent.locator("dt", { hasText: label }) })
      .locator("dd");
  await expect(answer(`${CHILDREN} 1 — ${LEVEL.label}`)).toHaveText(LEVEL.options.lowerSecondary);
  const history = agent.getByRole("region", { name: "Historique" });
  await expect(history).toContainText("Le demandeur a corrigé une réponse");
  const words = (text: string) => text.replace(/[()]/g, "\\$&").replace(/\s/g, "\\s");
  await expect(history).toContainText(
    new RegExp(
      words(
        `${CHILDREN} : « Tom (${LEVEL.label} : ${LEVEL.options.primary}) » devient « Tom (${LEVEL.label} : ${LEVEL.options.lowerSecondary}) »`,
      ),
    ),
  );

  await pc.close();
  expect(problems).toEqual([]);
});
