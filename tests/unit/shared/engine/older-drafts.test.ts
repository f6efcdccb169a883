/**
 * Drafts made with version 1 of the real flows as it first was (tests/fixtures/older-drafts/,
 * complete then), before they asked how to reach the person and before the pregnancy question
 * covered a partner; those questions came without a new version, which is now 2. Each draft
 * resumes with version 2, keeps its answers, and asks only what is new or changed before going
 * back to the review.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import type { Answers } from "../../../../src/shared/engine/answers";
import { type Draft, restoreDraft } from "../../../../src/shared/engine/draft";
import { compileFlow, currentStep, type WizardEvent } from "../../../../src/shared/engine/machine";
import { isComplete } from "../../../../src/shared/engine/navigation";
import { type Flow, parseFlow } from "../../../../src/shared/flow/schema";

const root = join(import.meta.dirname, "../../../..");
const TODAY = "2026-11-30";
const readJson = (...path: string[]): unknown => JSON.parse(readFileSync(join(root, ...path), "utf8"));
const flowAt = (...path: string[]): Flow => parseFlow(readJson(...path)).flow as Flow;
const olderDraft = (id: string) => readJson("tests", "fixtures", "older-drafts", `${id}.v1.json`) as Draft;

function resume(id: string, draft: Draft = olderDraft(id)) {
  const flow = flowAt("flows", `${id}.json`);
  const machine = compileFlow(flow);
  const { snapshot, migration } = restoreDraft(flow, machine, draft, TODAY);
  const actor = createActor(machine, { snapshot, input: undefined }).start();
  const answer = (answers: Answers) => {
    const events: WizardEvent[] = [{ type: "SET_ANSWERS", answers }, { type: "NEXT" }];
    for (const event of events) actor.send(event);
    return currentStep(actor.getSnapshot());
  };
  return { flow, actor, migration, answer, step: () => currentStep(actor.getSnapshot()) };
}

describe("a draft of version 1", () => {
  it("of the school grant resumes at the new questions, then goes back to the review", () => {
    const { flow, actor, migration, answer, step } = resume("bourse-scolaire");
    expect(flow.version).toBe(2);
    expect(migration).toEqual({
      fromVersion: 1,
      toVersion: 2,
      removed: [],
      askedAgain: [],
      newQuestionsFirst: true,
    });
    expect(step()).toBe("contact");
    // Every answer of version 1 is still there.
    expect(actor.getSnapshot().context.answers).toEqual(olderDraft("bourse-scolaire").answers);

    expect(answer({ contactBy: ["phone"], contactPhone: "27 12 34" })).toBe("postal-address");
    expect(answer({ postalAddress: "12 rue des Flamboyants", postalCode: "98835" })).toBe("review");
    const { context } = actor.getSnapshot();
    expect(context.flowVersion).toBe(2);
    expect(isComplete(flow, context.answers, { today: TODAY })).toBe(true);
  });

  it("of the medical aid asks again whether someone is pregnant when a partner is on the card", () => {
    const { migration, answer, step, actor } = resume("aide-medicale");
    expect(migration?.askedAgain).toEqual(["pregnant"]);
    expect(migration?.newQuestionsFirst).toBe(true);
    expect(step()).toBe("contact");
    expect(answer({ contactBy: ["email"], contactEmail: "henri@exemple.nc" })).toBe("pregnancy");
    // The partner is pregnant: the card now likely to come is M, with the certificate asked.
    expect(answer({ pregnant: true })).toBe("documents-pregnancy");
    expect(actor.getSnapshot().context.answers.pregnant).toBe(true);
  });

  it("of the medical aid keeps 'not pregnant' when nobody else is on the card", () => {
    const draft = olderDraft("aide-medicale");
    // Alone, above the ceiling of one person: the pregnancy question is still on the path.
    const alone = { ...draft.answers, hasMembers: false, applicantResources: 150000 } as Record<
      string,
      unknown
    >;
    delete alone.members;
    delete alone.idMembersFile;
    const { migration, actor } = resume("aide-medicale", { ...draft, answers: alone });
    expect(migration?.askedAgain).toEqual([]);
    expect(actor.getSnapshot().context.answers.pregnant).toBe(false);
  });

  it("of the current version resumes as it was, with nothing to tell", () => {
    const { actor: first } = resume("bourse-scolaire");
    const flow = flowAt("flows", "bourse-scolaire.json");
    const machine = compileFlow(flow);
    const saved: Draft = {
      flowId: flow.id,
      flowVersion: flow.version,
      answers: first.getSnapshot().context.answers,
      snapshot: first.getPersistedSnapshot(),
    };
    const { migration, snapshot } = restoreDraft(flow, machine, saved, TODAY);
    expect(migration).toBeUndefined();
    expect(currentStep(createActor(machine, { snapshot, input: undefined }).getSnapshot())).toBe("contact");
  });
});
