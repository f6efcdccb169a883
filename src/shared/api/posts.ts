/**
 * The connected space: a browser enrolled as a post, its help calls, the receipt sent to the
 * person's phone, and the mediators' board. What the board reads names a post, a procedure and a
 * step, never a person, an answer or a document.
 */
import * as v from "valibot";
import { ADDRESS_MAX_LENGTH, CODE_LANGUAGES } from "./account";

const ID = v.pipe(v.string(), v.maxLength(80), v.regex(/^[a-z][a-z0-9-]*$/));

export const EnrolPostSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
});

export const CurrentPostSchema = v.object({
  name: v.string(),
  /** After this long without a key or a touch, the person's session ends (one minute's warning first). */
  idleSeconds: v.number(),
});
export type CurrentPost = v.InferOutput<typeof CurrentPostSchema>;

/** Where the person is: a procedure and a step, both ids from the flow (never an answer). */
export const PostStepSchema = v.object({ flowId: v.optional(ID), stepId: v.optional(ID) });
export type PostStep = v.InferOutput<typeof PostStepSchema>;

export const HELP_CALL_STATUSES = ["none", "waiting", "coming"] as const;
export const HelpCallStateSchema = v.object({ status: v.picklist(HELP_CALL_STATUSES) });
export type HelpCallState = v.InferOutput<typeof HelpCallStateSchema>;

export const PostReceiptSchema = v.object({
  requestId: v.pipe(v.string(), v.uuid()),
  address: v.pipe(v.string(), v.maxLength(ADDRESS_MAX_LENGTH)),
  language: v.optional(v.picklist(CODE_LANGUAGES)),
});

export const BoardSchema = v.object({
  calls: v.array(
    v.object({
      id: v.string(),
      post: v.string(),
      since: v.string(),
      status: v.picklist(["waiting", "coming"]),
      procedure: v.nullable(v.string()),
      step: v.nullable(v.string()),
    }),
  ),
  posts: v.array(v.object({ id: v.string(), name: v.string(), inUseSince: v.nullable(v.string()) })),
});
export type Board = v.InferOutput<typeof BoardSchema>;

export const StatisticsSchema = v.object({
  steps: v.array(
    v.object({
      procedure: v.string(),
      step: v.string(),
      helpCalls: v.number(),
      visits: v.number(),
      medianSeconds: v.number(),
      stops: v.number(),
    }),
  ),
});
export type Statistics = v.InferOutput<typeof StatisticsSchema>;
