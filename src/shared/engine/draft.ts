/**
 * Saving and restoring a request in progress. A draft is plain JSON: the flow it belongs to,
 * the answers and XState's persisted snapshot. A draft of an older flow version is migrated:
 * every answer whose field still exists is kept, and the person is told what changed.
 */
import { createActor } from "xstate";
import { evaluate } from "../expression/expression";
import { indexFlow } from "../flow/flow-index";
import type { Flow } from "../flow/schema";
import { type Answers, APPLY_ANYWAY, type Item } from "./answers";
import { scopeFor } from "./computed";
import type { WizardContext, WizardMachine } from "./machine";
import { firstIncomplete } from "./navigation";
import { pathOf } from "./path";
import { pruneAnswers } from "./prune";

export interface Draft {
  readonly flowId: string;
  readonly flowVersion: number;
  readonly answers: Answers;
  /** `actor.getPersistedSnapshot()`; absent for a draft made outside the wizard. */
  readonly snapshot?: unknown;
}

export interface Migration {
  readonly fromVersion: number;
  readonly toVersion: number;
  /** Answers whose question no longer exists (dotted paths). */
  readonly removed: readonly string[];
  /** Answers dropped because their question changed its meaning (the flow's `changes`). */
  readonly askedAgain: readonly string[];
  /**
   * The draft resumes at a question the new version added (or asks again) before the step where
   * it was, rather than there: "Continuer" then goes through every new question in order.
   */
  readonly newQuestionsFirst: boolean;
  /** Where the draft was, when that step no longer exists. */
  readonly stepRemoved?: string;
}

type ActorLike = { getPersistedSnapshot(): unknown; getSnapshot(): { context: WizardContext } };

export function draftOf(actor: ActorLike): Draft {
  const { context } = actor.getSnapshot();
  return {
    flowId: context.flowId,
    flowVersion: context.flowVersion,
    answers: context.answers,
    snapshot: actor.getPersistedSnapshot(),
  };
}

/**
 * Keeps every answer whose field still exists in the flow, with subfields of repeat items
 * likewise, then drops the answers to questions whose meaning changed since `fromVersion` (the
 * flow's `changes`, each when its condition holds on the answers kept).
 */
export function migrateAnswers(
  flow: Flow,
  answers: Answers,
  fromVersion = flow.version,
): { answers: Answers; removed: string[]; askedAgain: string[] } {
  const index = indexFlow(flow);
  const kept: Answers = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (key === APPLY_ANYWAY) {
      kept[key] = value;
      continue;
    }
    const field = index.fields.get(key)?.field;
    if (!field) {
      removed.push(key);
      continue;
    }
    if (field.type !== "group" || !Array.isArray(value)) {
      kept[key] = value;
      continue;
    }
    const subIds = new Set(field.fields.map((f) => f.id));
    kept[key] = (value as Item[]).map((item, i) =>
      Object.fromEntries(
        Object.entries(item).filter(([subId]) => {
          if (subIds.has(subId)) return true;
          removed.push(`${key}.${i}.${subId}`);
          return false;
        }),
      ),
    );
  }
  const askedAgain: string[] = [];
  for (const change of flow.changes) {
    if (fromVersion >= change.version) continue;
    if (change.when !== undefined && evaluate(change.when, scopeFor(flow, kept)) !== true) continue;
    for (const id of change.askAgain)
      if (Object.hasOwn(kept, id)) {
        delete kept[id];
        askedAgain.push(id);
      }
  }
  return { answers: pruneAnswers(flow, kept).answers, removed, askedAgain };
}

/** The saved step, unless a question before it on the path is still to answer: then that question. */
function resumeStep(flow: Flow, answers: Answers, saved: string | undefined, today?: string): string {
  const pending = firstIncomplete(flow, answers, today ? { today } : {});
  if (saved === undefined) return pending ?? indexFlow(flow).review.id;
  const path = pathOf(flow, answers);
  const at = path.indexOf(saved);
  return pending !== undefined && (at < 0 || path.indexOf(pending) < at) ? pending : saved;
}

function savedStep(snapshot: unknown): string | undefined {
  const value = (snapshot as { value?: unknown } | undefined)?.value;
  return typeof value === "string" ? value : undefined;
}

/**
 * The snapshot to start the actor from (`createActor(machine, { snapshot })`), and the
 * migration report when the draft was made with an older version of the flow.
 */
export function restoreDraft(
  flow: Flow,
  machine: WizardMachine,
  draft: Draft,
  today?: string,
): { snapshot: ReturnType<WizardMachine["resolveState"]>; migration?: Migration } {
  if (draft.flowId !== flow.id) throw new Error(`draft of ${draft.flowId} opened with flow ${flow.id}`);
  if (draft.flowVersion === flow.version && draft.snapshot) {
    const actor = createActor(machine, { snapshot: draft.snapshot as never, input: undefined });
    return { snapshot: actor.getSnapshot() };
  }
  const { answers, removed, askedAgain } = migrateAnswers(flow, draft.answers, draft.flowVersion);
  const index = indexFlow(flow);
  const step = savedStep(draft.snapshot);
  const stillThere = step !== undefined && index.steps.has(step);
  // A draft of this version without a snapshot resumes where its answers stop; an older one
  // where it was, unless the new version asks something before that.
  const resumeAt = resumeStep(flow, answers, stillThere ? step : undefined, today);
  const newQuestionsFirst = stillThere && resumeAt !== step;
  const finished = step === index.review.id || step === index.declaration.id;
  const context: WizardContext = {
    flowId: flow.id,
    flowVersion: flow.version,
    answers,
    // A person who had reached the review answers the new questions as after "Modifier":
    // "Continuer" leads from one to the next, then back to the review.
    returning: newQuestionsFirst && finished,
    errors: [],
    dropped: [],
    ...(today ? { today } : {}),
  };
  const snapshot = machine.resolveState({ value: resumeAt, context });
  if (draft.flowVersion === flow.version) return { snapshot };
  return {
    snapshot,
    migration: {
      fromVersion: draft.flowVersion,
      toVersion: flow.version,
      removed,
      askedAgain,
      newQuestionsFirst,
      ...(step !== undefined && !stillThere ? { stepRemoved: step } : {}),
    },
  };
}
