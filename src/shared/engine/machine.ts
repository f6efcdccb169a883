/**
 * Compiles a validated flow into an XState v5 machine: one state per step, transitions guarded
 * by a closed registry of named guards, answers changed only by named actions. Flows are data,
 * so nothing a flow says can add code to the machine.
 *
 * Where "Continuer" leads is derived from the answers (navigation.ts), so each step lists every
 * step it could lead to, each guarded by `nextIs`; xstate picks the one whose guard holds.
 */
import { assertEvent, assign, type SnapshotFrom, setup } from "xstate";
import { indexFlow } from "../flow/flow-index";
import type { Flow, Step } from "../flow/schema";
import { type AnswerPath, type Answers, APPLY_ANYWAY, appliedAnyway, itemsOf, setAnswer } from "./answers";
import { firstIncomplete, isComplete, nextStep, openableSteps, previousStep } from "./navigation";
import { pathOf } from "./path";
import { pruneAnswers } from "./prune";
import { type FieldError, validateStep } from "./validate";

export interface WizardContext {
  readonly flowId: string;
  readonly flowVersion: number;
  readonly answers: Answers;
  /** Came from the review through "Modifier": "Continuer" returns there once all is answered. */
  readonly returning: boolean;
  /** Errors shown on the current step after "Continuer" was refused. */
  readonly errors: readonly FieldError[];
  /** Answers removed by the last move because their branch is no longer taken. */
  readonly dropped: readonly string[];
  /** Fixed date for date limits (tests); otherwise today in Nouméa. */
  readonly today?: string;
}

export type WizardEvent =
  | { type: "NEXT" }
  | { type: "BACK" }
  | { type: "EDIT"; step: string }
  /** Open a step directly: the browser's back and forward buttons, a reload on a step's address. */
  | { type: "GO"; step: string }
  | { type: "SET_ANSWER"; path: AnswerPath; value: unknown }
  | { type: "SET_ANSWERS"; answers: Answers }
  | { type: "ADD_ITEM"; field: string }
  | { type: "REMOVE_ITEM"; field: string; index: number }
  | { type: "APPLY_ANYWAY" }
  | { type: "SUBMIT" };

export interface WizardInput {
  readonly answers?: Answers;
  readonly today?: string;
}

export function compileFlow(flow: Flow) {
  const index = indexFlow(flow);
  const options = (context: WizardContext) => (context.today ? { today: context.today } : {});
  const movable = flow.steps
    .filter((s) => s.type !== "declaration" && s.type !== "submitted")
    .map((s) => s.id);
  const questionSteps = flow.steps.filter((s) => s.type === "questions").map((s) => s.id);
  const remember = routeMemo();

  const machine = setup({
    types: {} as { context: WizardContext; events: WizardEvent; input: WizardInput | undefined },
    guards: {
      stepInvalid: ({ context }, params: { step: string }) =>
        validateStep(flow, index.steps.get(params.step) as Step, context.answers, options(context)).length >
        0,
      nextIs: ({ context }, params: { from: string; to: string }) =>
        remember(context.answers, `next:${params.from}:${context.returning}`, () =>
          nextStep(flow, context.answers, params.from, context.returning, options(context)),
        ) === params.to,
      nextAfterOutcomeIs: ({ context }, params: { outcome: string; to: string }) =>
        nextStep(flow, passOutcome(context.answers, params.outcome), params.outcome, false) === params.to,
      previousIs: ({ context }, params: { from: string; to: string }) =>
        remember(context.answers, `back:${params.from}:${context.returning}`, () =>
          previousStep(flow, context.answers, params.from, context.returning),
        ) === params.to,
      complete: ({ context }) => isComplete(flow, context.answers, options(context)),
      firstIncompleteIs: ({ context }, params: { to: string }) =>
        firstIncomplete(flow, context.answers, options(context)) === params.to,
      editTargetIs: ({ context, event }, params: { to: string }) =>
        event.type === "EDIT" &&
        event.step === params.to &&
        pathOf(flow, context.answers).includes(params.to),
      canOpen: ({ context, event }, params: { to: string }) =>
        event.type === "GO" &&
        event.step === params.to &&
        openableSteps(flow, context.answers, options(context)).includes(params.to),
      canAddItem: ({ context, event }) => {
        assertEvent(event, "ADD_ITEM");
        const group = index.fields.get(event.field)?.field;
        return group?.type === "group" && itemsOf(context.answers, event.field).length < group.max;
      },
    },
    actions: {
      setAnswer: assign(({ context, event }) => {
        assertEvent(event, "SET_ANSWER");
        return { answers: setAnswer(context.answers, event.path, event.value) };
      }),
      setAnswers: assign(({ context, event }) => {
        assertEvent(event, "SET_ANSWERS");
        let answers = context.answers;
        for (const [id, value] of Object.entries(event.answers)) answers = setAnswer(answers, [id], value);
        return { answers };
      }),
      addItem: assign(({ context, event }) => {
        assertEvent(event, "ADD_ITEM");
        return {
          answers: { ...context.answers, [event.field]: [...itemsOf(context.answers, event.field), {}] },
        };
      }),
      removeItem: assign(({ context, event }) => {
        assertEvent(event, "REMOVE_ITEM");
        const items = itemsOf(context.answers, event.field).filter((_, i) => i !== event.index);
        return { answers: setAnswer(context.answers, [event.field], items.length > 0 ? items : undefined) };
      }),
      /**
       * After a change, an error shown stays only while it still holds: fixed, it goes at once
       * (and is not saved to come back after a reload); a new one waits for "Continuer".
       */
      refreshErrors: assign(({ context }) => {
        if (context.errors.length === 0) return {};
        const shown = new Set(context.errors.map((e) => e.path));
        const stepId = index.fields.get(context.errors[0]?.path.split(".")[0] ?? "")?.stepId;
        const step = stepId === undefined ? undefined : index.steps.get(stepId);
        const current = step ? validateStep(flow, step, context.answers, options(context)) : [];
        return { errors: current.filter((e) => shown.has(e.path)) };
      }),
      showErrors: assign(({ context }, params: { step: string }) => ({
        errors: validateStep(flow, index.steps.get(params.step) as Step, context.answers, options(context)),
      })),
      /** Every move: errors of the page left are cleared and stale answers dropped. */
      settle: assign(({ context }) => {
        const { answers, dropped } = pruneAnswers(flow, context.answers);
        return { answers, dropped, errors: [] };
      }),
      startReturning: assign({ returning: true }),
      stopReturning: assign({ returning: false }),
      passOutcome: assign(({ context }, params: { outcome: string }) => ({
        answers: passOutcome(context.answers, params.outcome),
      })),
    },
  });

  const next = (from: string) => [
    {
      guard: { type: "stepInvalid" as const, params: { step: from } },
      actions: { type: "showErrors" as const, params: { step: from } },
    },
    ...movable
      .filter((to) => to !== from)
      .map((to) => ({
        target: to,
        guard: { type: "nextIs" as const, params: { from, to } },
        actions: "settle" as const,
      })),
  ];
  const back = (from: string) =>
    movable
      .filter((to) => to !== from)
      .map((to) => ({
        target: to,
        guard: { type: "previousIs" as const, params: { from, to } },
        actions: "settle" as const,
      }));

  type StateConfig = NonNullable<Parameters<typeof machine.createMachine>[0]["states"]>[string];
  const stateFor = (step: Step): StateConfig => {
    const base = { tags: [step.type], meta: { step } };
    switch (step.type) {
      case "questions":
      case "info":
        return { ...base, on: { NEXT: next(step.id), BACK: back(step.id) } };
      case "outcome":
        return {
          ...base,
          on: {
            BACK: back(step.id),
            ...(step.applyAnyway
              ? {
                  APPLY_ANYWAY: movable.map((to) => ({
                    target: to,
                    guard: { type: "nextAfterOutcomeIs" as const, params: { outcome: step.id, to } },
                    actions: [
                      { type: "passOutcome" as const, params: { outcome: step.id } },
                      "settle" as const,
                    ],
                  })),
                }
              : {}),
          },
        };
      case "review":
        return {
          ...base,
          entry: "stopReturning",
          on: {
            NEXT: [
              { guard: "complete", target: step.next, actions: "settle" },
              ...questionSteps.map((to) => ({
                target: to,
                guard: { type: "firstIncompleteIs" as const, params: { to } },
                actions: ["settle" as const, "startReturning" as const],
              })),
            ],
            EDIT: questionSteps.map((to) => ({
              target: to,
              guard: { type: "editTargetIs" as const, params: { to } },
              actions: ["settle" as const, "startReturning" as const],
            })),
            BACK: back(step.id),
          },
        };
      case "declaration":
        return {
          ...base,
          on: {
            SUBMIT: { guard: "complete", target: step.submit, actions: "settle" },
            BACK: { target: index.review.id, actions: "settle" },
          },
        };
      case "submitted":
        return { ...base, type: "final" };
    }
  };

  return machine.createMachine({
    id: flow.id,
    initial: flow.start,
    context: ({ input }) => ({
      flowId: flow.id,
      flowVersion: flow.version,
      answers: input?.answers ?? {},
      returning: false,
      errors: [],
      dropped: [],
      ...(input?.today ? { today: input.today } : {}),
    }),
    on: {
      SET_ANSWER: { actions: ["setAnswer", "refreshErrors"] },
      SET_ANSWERS: { actions: ["setAnswers", "refreshErrors"] },
      ADD_ITEM: { guard: "canAddItem", actions: ["addItem", "refreshErrors"] },
      REMOVE_ITEM: { actions: ["removeItem", "refreshErrors"] },
      GO: [...movable, index.declaration.id].map((to) => ({
        target: `.${to}`,
        guard: { type: "canOpen" as const, params: { to } },
        actions: ["settle" as const, "stopReturning" as const],
      })),
    },
    states: Object.fromEntries(flow.steps.map((step) => [step.id, stateFor(step)])),
  });
}

/**
 * A step lists every step it could lead to, so one "Continuer" asks `nextIs` up to once per step.
 * Answers are never mutated, so the route computed for one answers object stays true for it.
 */
function routeMemo() {
  const routes = new WeakMap<Answers, Map<string, string | undefined>>();
  return (answers: Answers, key: string, route: () => string | undefined): string | undefined => {
    const known = routes.get(answers) ?? new Map<string, string | undefined>();
    routes.set(answers, known);
    if (!known.has(key)) known.set(key, route());
    return known.get(key);
  };
}

function passOutcome(answers: Answers, outcome: string): Answers {
  const passed = appliedAnyway(answers);
  return passed.includes(outcome) ? answers : { ...answers, [APPLY_ANYWAY]: [...passed, outcome] };
}

export type WizardMachine = ReturnType<typeof compileFlow>;
export type WizardSnapshot = SnapshotFrom<WizardMachine>;

/** The step the wizard is on: every state is a step, so the value is its id. */
export function currentStep(snapshot: WizardSnapshot): string {
  return String(snapshot.value);
}
