/**
 * The back office's API contract, once for the staff pages and the server: queues and their
 * filters (as a query string, so a queue is an address an agent bookmarks), one request as an
 * agent reads it, the actions on it, and what is asked of the citizen — with the citizen's half:
 * their tasks, their answers (idempotent by an id the device makes) and the messages both ways.
 */
import * as v from "valibot";
import { REQUEST_STATUS_NAMES } from "./account-requests";
import { SUBMISSION_ID } from "./submission";

export const QUEUE_NAMES = ["to_process", "followed_by_me", "waiting", "decided"] as const;
export type QueueNameView = (typeof QUEUE_NAMES)[number];
export const QUEUE_SORTS = ["received_at", "reference", "family_quotient", "household_resources"] as const;

const DAY = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const WHOLE = v.pipe(v.string(), v.regex(/^\d{1,9}$/), v.transform(Number));
const SHORT = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/**
 * A queue's address: `?status=received,in_review&from=2026-03-01&commune=Nouméa&q=lea&page=2`.
 * Every key optional; an unknown key is ignored, a malformed one is a 400.
 */
export const QueueQuerySchema = v.object({
  status: v.optional(
    v.pipe(
      v.string(),
      v.transform((text) => text.split(",")),
      v.array(v.picklist(REQUEST_STATUS_NAMES)),
    ),
  ),
  from: v.optional(DAY),
  to: v.optional(DAY),
  commune: v.optional(SHORT(64)),
  /** A staff id, or "none" for requests nobody follows. */
  assignee: v.optional(SHORT(64)),
  quotientMin: v.optional(WHOLE),
  quotientMax: v.optional(WHOLE),
  underCeiling: v.optional(
    v.pipe(
      v.picklist(["yes", "no"]),
      v.transform((x) => x === "yes"),
    ),
  ),
  estimate: v.optional(v.picklist(["likely", "unlikely"])),
  q: v.optional(SHORT(100)),
  sort: v.optional(v.picklist(QUEUE_SORTS)),
  direction: v.optional(v.picklist(["asc", "desc"])),
  page: v.optional(WHOLE),
  pageSize: v.optional(WHOLE),
});
export type QueueQueryParams = v.InferOutput<typeof QueueQuerySchema>;

export const QueueRowSchema = v.object({
  id: v.string(),
  reference: v.string(),
  flowId: v.string(),
  receivedAt: v.string(),
  status: v.picklist(REQUEST_STATUS_NAMES),
  commune: v.nullable(v.string()),
  applicantName: v.nullable(v.string()),
  familyQuotient: v.nullable(v.number()),
  householdResources: v.nullable(v.number()),
  ceiling: v.nullable(v.number()),
  underCeiling: v.nullable(v.boolean()),
  estimate: v.nullable(v.picklist(["likely", "unlikely"])),
  assignedStaffId: v.nullable(v.string()),
});

export const QueueCountsSchema = v.object({
  to_process: v.number(),
  followed_by_me: v.number(),
  waiting: v.number(),
  decided: v.number(),
});

/** A procedure as staff name it: its id and its French title. */
export const ProcedureSchema = v.object({ id: v.string(), title: v.string() });

export const QueuePageSchema = v.object({
  rows: v.array(QueueRowSchema),
  total: v.number(),
  page: v.number(),
  pageSize: v.number(),
  counts: QueueCountsSchema,
  /** Every procedure the staff member processes, with its title, for the procedure choice. */
  procedures: v.array(ProcedureSchema),
});
export type QueuePageView = v.InferOutput<typeof QueuePageSchema>;

/** A decision's reason: one of the department's list, with free text beside it. */
export const DecisionReasonSchema = v.object({ code: v.string(), label: v.string() });
export const DecisionReasonsSchema = v.object({
  refuse: v.array(DecisionReasonSchema),
  close: v.array(DecisionReasonSchema),
});

const ReviewRowSchema = v.object({ label: v.string(), value: v.string() });
const ComputedSchema = v.object({
  id: v.string(),
  label: v.string(),
  value: v.string(),
  /** How it was worked out, in French, with the figures it read. */
  explanation: v.string(),
});

export const RequestDocumentSchema = v.object({
  uploadId: v.string(),
  label: v.string(),
  type: v.string(),
  size: v.number(),
});

export const HistoryEntrySchema = v.object({
  at: v.string(),
  action: v.string(),
  fromStatus: v.string(),
  toStatus: v.string(),
  actor: v.string(),
  reason: v.nullable(v.string()),
});

export const NoteSchema = v.object({ id: v.string(), staffId: v.string(), at: v.string(), text: v.string() });

/**
 * A file joined to a message: the citizen's are uploads (also listed with the request's
 * documents), the agent's are the province's own; each read by its id, by staff and the owner.
 */
export const MessageAttachmentSchema = v.object({
  id: v.string(),
  /** The file's name as its sender had it; may be empty (a photo taken in the app). */
  name: v.string(),
  type: v.string(),
  size: v.number(),
});
export type MessageAttachmentView = v.InferOutput<typeof MessageAttachmentSchema>;

export const MessageSchema = v.object({
  id: v.string(),
  at: v.string(),
  from: v.picklist(["staff", "citizen"]),
  text: v.string(),
  attachments: v.array(MessageAttachmentSchema),
});
export type MessageView = v.InferOutput<typeof MessageSchema>;

export const TASK_KINDS = ["correction", "documents"] as const;
export const TASK_ORIGINS = ["agent", "later"] as const;
export const TaskSchema = v.object({
  id: v.string(),
  at: v.string(),
  kind: v.picklist(TASK_KINDS),
  /**
   * agent: an agent asked; later: made when the request arrived, for the documents the person
   * chose to send later ("je l'enverrai plus tard"), its text the procedure's.
   */
  origin: v.picklist(TASK_ORIGINS),
  /** What the agent asks, in their words. */
  text: v.string(),
  /** The document fields asked for (the flow's field ids), with their French names. */
  documents: v.array(v.object({ fieldId: v.string(), label: v.string() })),
  /**
   * The questions to correct (top-level fields of the request's flow version), with their French
   * names and, while the task waits, the answer the request holds now (absent: not answered): the
   * device dropped its answers once the request was sent. Absent from tasks kept before.
   */
  questions: v.optional(
    v.array(v.object({ fieldId: v.string(), label: v.string(), value: v.optional(v.unknown()) })),
  ),
  answeredAt: v.nullable(v.string()),
});
export type TaskView = v.InferOutput<typeof TaskSchema>;

export const AgentRequestSchema = v.object({
  request: QueueRowSchema,
  flowTitle: v.string(),
  sections: v.array(v.object({ title: v.string(), rows: v.array(ReviewRowSchema) })),
  computed: v.array(ComputedSchema),
  documents: v.array(RequestDocumentSchema),
  history: v.array(HistoryEntrySchema),
  notes: v.array(NoteSchema),
  messages: v.array(MessageSchema),
  tasks: v.array(TaskSchema),
  /** The flow's document fields, with their French names: what an agent may ask the citizen for. */
  documentFields: v.array(v.object({ fieldId: v.string(), label: v.string() })),
  /**
   * The questions the request was asked (shown on its path, in its flow version; top-level, not
   * documents nor lists holding documents), with their French names: what an agent may ask the citizen to correct.
   */
  questionFields: v.array(v.object({ fieldId: v.string(), label: v.string() })),
  /** The status actions open from where the request stands. */
  actions: v.array(v.string()),
  reasons: DecisionReasonsSchema,
});
export type AgentRequestView = v.InferOutput<typeof AgentRequestSchema>;

const STAFF_ID = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const ColleagueBodySchema = v.object({ toStaffId: STAFF_ID });

/** The agents of a procedure, by name: whom a request or a queue may be handed to. */
export const ColleaguesSchema = v.object({
  colleagues: v.array(v.object({ id: v.string(), name: v.string() })),
});
export type ColleaguesView = v.InferOutput<typeof ColleaguesSchema>["colleagues"];

export const STATUS_ACTIONS = ["start_review", "accept", "refuse", "close", "reopen"] as const;
export const StatusBodySchema = v.object({
  action: v.picklist(STATUS_ACTIONS),
  /** Required for refuse and close: one of the department's reasons. */
  reasonCode: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** Free text beside the code; alone, the reason of an acceptance or a reopening. */
  reason: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});
export type StatusBody = v.InferOutput<typeof StatusBodySchema>;

export const NoteBodySchema = v.object({ text: v.pipe(v.string(), v.maxLength(5000)) });

/** At most this many questions are named in one correction. */
export const CORRECTION_QUESTIONS_LIMIT = 30;

/**
 * A correction is said in words, and may name the questions to correct (the citizen then
 * changes those answers); documents are named by their fields, words optional beside them (the
 * server refuses a correction without words and a request for documents without one).
 */
export const AskCitizenBodySchema = v.object({
  kind: v.picklist(TASK_KINDS),
  text: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000)), ""),
  documents: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(20))),
  questions: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(CORRECTION_QUESTIONS_LIMIT)),
  ),
});
export type AskCitizenBody = v.InferOutput<typeof AskCitizenBodySchema>;

/**
 * An agent's message: JSON, or with files `multipart/form-data` (a `text` field and one `files`
 * part per file, shared/api/message-attachments.ts says which and how big).
 */
export const StaffMessageBodySchema = v.object({
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5000)),
});

const CLIENT_ID = v.pipe(v.string(), v.toLowerCase(), v.regex(SUBMISSION_ID));
const UPLOAD_IDS = v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(20));

/** One answer as a question of the wizard stores it (text, number, yes/no, choices), or null. */
const CORRECTED_LEAF = v.union([
  v.pipe(v.string(), v.maxLength(5000)),
  v.number(),
  v.boolean(),
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(50)),
  v.null(),
]);

const FIELD_ID = v.pipe(v.string(), v.regex(/^[a-z][a-zA-Z0-9]{0,99}$/));

/**
 * A corrected answer: a question's, or a list's entries each with their questions' answers (the
 * engine then checks them against the group's own limits).
 */
const CORRECTED_VALUE = v.union([
  CORRECTED_LEAF,
  v.pipe(
    v.array(
      v.pipe(
        v.record(FIELD_ID, CORRECTED_LEAF),
        v.check((item) => Object.keys(item).length <= 50),
      ),
    ),
    v.maxLength(50),
  ),
]);

/** The citizen's answer to a task, sent once through the outbox: `clientId` makes a replay harmless. */
export const TaskAnswerBodySchema = v.object({
  clientId: CLIENT_ID,
  /** Uploads made with tus for the task's document fields. */
  documents: v.optional(
    v.array(
      v.object({
        fieldId: v.pipe(v.string(), v.maxLength(100)),
        uploadId: v.pipe(v.string(), v.maxLength(100)),
      }),
    ),
  ),
  /** What the person says or corrects, in their words. */
  text: v.optional(v.pipe(v.string(), v.maxLength(5000))),
  /**
   * The corrected answers of the questions the task names, by field id, as the wizard stores
   * them; null clears an answer. The server checks the whole request again with them.
   */
  corrections: v.optional(
    v.pipe(
      v.record(FIELD_ID, CORRECTED_VALUE),
      v.check((record) => Object.keys(record).length <= CORRECTION_QUESTIONS_LIMIT),
    ),
  ),
});
export type TaskAnswerBody = v.InferOutput<typeof TaskAnswerBodySchema>;

export const CitizenMessageBodySchema = v.object({
  clientId: CLIENT_ID,
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(5000)),
  attachments: v.optional(UPLOAD_IDS),
});
export type CitizenMessageBody = v.InferOutput<typeof CitizenMessageBodySchema>;

/** What the citizen's device fetches and keeps for offline reading. */
export const CitizenExchangesSchema = v.object({
  tasks: v.array(TaskSchema),
  messages: v.array(MessageSchema),
});
export type CitizenExchanges = v.InferOutput<typeof CitizenExchangesSchema>;

/** A bulk assignment covers at most this many requests, oldest first; the agent narrows the queue for more. */
export const BULK_ASSIGN_LIMIT = 500;
export const BulkAssignAnswerSchema = v.object({ assigned: v.number() });

/** What the audit trail records: every read of a request by staff and every action on it. */
export const AUDIT_ACTIONS = [
  "read",
  "follow",
  "transfer",
  "bulk_assign",
  "note",
  "start_review",
  "accept",
  "refuse",
  "close",
  "reopen",
  "ask_citizen",
  "message",
  "export",
] as const;

export const AuditRowSchema = v.object({
  at: v.string(),
  staffId: v.string(),
  sessionId: v.string(),
  action: v.string(),
  detail: v.nullable(v.string()),
});
export type AuditRowView = v.InferOutput<typeof AuditRowSchema>;
export const AuditAnswerSchema = v.object({ entries: v.array(AuditRowSchema) });
