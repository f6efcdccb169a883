/**
 * Saving and restoring a request in progress. A draft is plain JSON: the flow it belongs to,
 * the answers and XState's persisted snapshot. A draft of an older flow version is migrated:
 * every answer whose field still exists is kept, and the person is told what changed.
 */
import { createActor } from "xstate";
import { indexFlow } from "../flow/flow-index";
import type { Flow } from "../flow/schema";
import { type Answers, APPLY_ANYWAY, type Item } from "./answers";
import type { WizardContext, WizardMachine } from "./machine";
import { firstIncomplete } from "./navigation";
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

/** Keeps every answer whose field still exists in the flow, with subfields of repeat items likewise. */
export function migrateAnswers(flow: Flow, answers: Answers): { answers: Answers; removed: string[] } {
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
  return { answers: pruneAnswers(flow, kept).answers, removed };
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
  const { answers, removed } = migrateAnswers(flow, draft.answers);
  const index = indexFlow(flow);
  const step = savedStep(draft.snapshot);
  const stillThere = step !== undefined && index.steps.has(step);
  const resumeAt = stillThere ? step : (firstIncomplete(flow, answers) ?? index.review.id);
  const context: WizardContext = {
    flowId: flow.id,
    flowVersion: flow.version,
    answers,
    returning: false,
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
      ...(step !== undefined && !stillThere ? { stepRemoved: step } : {}),
    },
  };
}
