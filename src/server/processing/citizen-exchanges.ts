/**
 * Asking the citizen, and their answers: an agent asks for a correction (in words, naming the
 * questions to correct if they want) or for named documents (the request waits for the citizen
 * until they answer), agents and the citizen write messages,
 * and the citizen answers a task once — from the outbox, so the same answer may arrive twice and
 * is kept once, by the id their device made. Each step writes its audit entry and queues the
 * citizen's notice in its own transaction. The citizen is the request's owner: its account's
 * session, or for a request sent without an account the device holding its id.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type {
  AskCitizenBody,
  CitizenExchanges,
  CitizenMessageBody,
  MessageAttachmentView,
  MessageView,
  TaskAnswerBody,
  TaskView,
} from "../../shared/api/agents";
import type { ApiErrorCode } from "../../shared/api/error-codes";
import {
  attachmentName,
  MESSAGE_ATTACHMENT_FIELD,
  MESSAGE_ATTACHMENTS_MAX,
} from "../../shared/api/message-attachments";
import type { Answers } from "../../shared/engine/answers";
import type { Flow } from "../../shared/flow/schema";
import type { AnswerChangesRepository } from "../db/answer-changes-repository";
import type { AttachmentRow, ExchangesRepository, MessageRow, TaskRow } from "../db/exchanges-repository";
import type { ProcessingRepository } from "../db/processing-repository";
import type { Tables } from "../db/tables";
import { checkAgentAttachment } from "../documents/agent-attachment";
import type { DocumentStore } from "../documents/document-store";
import { documentFieldById, questionFieldById } from "../flows/flow-fields";
import type { FlowRegistry } from "../flows/flow-registry";
import { canonicalJson } from "../requests/fingerprint";
import type { RequestsService } from "../requests/requests-service";
import { mayProcess, type StaffActor } from "../staff/staff-actor";
import { correctAnswers, correctableQuestions } from "./answer-corrections";
import { auditEntry } from "./audit";
import type { CitizenNotices } from "./citizen-notices";

export interface ExchangesDeps {
  readonly processing: ProcessingRepository;
  readonly exchanges: ExchangesRepository;
  readonly answerChanges: AnswerChangesRepository;
  readonly requests: RequestsService;
  readonly notices: CitizenNotices;
  readonly flows: FlowRegistry;
  /** Where an agent's files are kept, beside the citizens' documents. */
  readonly documents: DocumentStore;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

type RefusalStatus = 400 | 404 | 409 | 413 | 415 | 422;

export type ExchangeOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: ApiErrorCode;
      readonly status: RefusalStatus;
      /** The answers to check, with a refused correction. */
      readonly details?: Readonly<Record<string, unknown>>;
    };

/** A file an agent joins to a message, as it arrived. */
export interface AgentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A message's file, to be served. */
export interface AttachmentBytes {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** Thrown inside a transaction to roll it back with the answer to give. */
class Refusal extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: RefusalStatus,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(code);
  }
}

const refuse = (code: ApiErrorCode, status: RefusalStatus) => ({ ok: false as const, code, status });

const ATTACHMENT_REFUSALS = {
  attachment_too_large: 413,
  attachment_type: 415,
  attachment_unsafe: 415,
  attachment_unreadable: 415,
} as const;

export class CitizenExchangesService {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: ExchangesDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  /**
   * Asks the citizen for a correction (in words, and of named questions of the request's flow
   * version) or for documents (fields of the request's flow): the request goes to "waiting for
   * the citizen", with the task, its audit entry and the notice.
   */
  async ask(actor: StaffActor, id: string, body: AskCitizenBody): Promise<ExchangeOutcome> {
    const request = await this.scoped(actor, id);
    if (!request) return refuse("not_found", 404);
    // The version the request was sent with: the one the agent's page showed the fields of.
    const flow = this.deps.flows.get(request.flowId, request.flowVersion) ?? this.flowOf(request.flowId);
    const documents = [...new Set(body.documents ?? [])];
    if (documents.some((fieldId) => !flow || !documentFieldById(flow, fieldId)))
      return refuse("unknown_document_field", 422);
    // Questions are named to be corrected; a request for documents names none.
    if (body.kind !== "correction" && (body.questions?.length ?? 0) > 0) return refuse("invalid_body", 400);
    const questions = [...new Set(body.questions ?? [])];
    const correctable = questions.length > 0 ? await this.correctableOf(id) : [];
    if (questions.some((fieldId) => !correctable.includes(fieldId)))
      return refuse("unknown_question_field", 422);
    const at = this.now();
    // Documents may be asked for without words: the history then names them.
    const words =
      body.text ||
      documents
        .map((fieldId) => {
          const field = flow && documentFieldById(flow, fieldId);
          return (field && flow && this.deps.flows.french.text(field.label, flow.id)) ?? fieldId;
        })
        .join(", ");
    const changed = await this.deps.requests.changeStatus(id, "ask_citizen", {
      actor: `staff:${actor.staffId}`,
      reason: words,
      at,
      alsoWrite: async (trx) => {
        await this.deps.exchanges.addTask(trx, {
          id: this.newId(),
          request_id: id,
          at: at.toISOString(),
          staff_id: actor.staffId,
          kind: body.kind,
          text: body.text,
          documents: JSON.stringify(documents),
          answered_at: null,
          answer_client_id: null,
          answer_digest: null,
          answer_text: null,
          origin: "agent",
          questions: JSON.stringify(questions),
        });
        await this.deps.processing.writes(trx).audit([auditEntry(actor, "ask_citizen", id, at, words)]);
        await this.deps.notices.notify(trx, id, "requestTask");
        await this.deps.processing.beforeCommit();
      },
    });
    if (!changed.ok) return statusRefusal(changed.problem);
    this.deps.notices.kick();
    return { ok: true };
  }

  /**
   * An agent's message to the citizen, with the files they join: each checked (and a photo
   * re-encoded) before anything is kept, kept in the document store, then the message, its
   * files' rows, the audit entry and the notice in one transaction. Should that fail, the files
   * are removed; a crash in between leaves files no message names, which the cleanup removes.
   */
  async staffMessage(
    actor: StaffActor,
    id: string,
    text: string,
    files: readonly AgentFile[] = [],
  ): Promise<ExchangeOutcome> {
    if (!(await this.scoped(actor, id))) return refuse("not_found", 404);
    if (files.length > MESSAGE_ATTACHMENTS_MAX) return refuse("too_many_attachments", 422);
    const checked = [];
    for (const file of files) {
      const result = await checkAgentAttachment(file.bytes);
      if (!result.ok) return refuse(result.code, ATTACHMENT_REFUSALS[result.code]);
      checked.push({ ...result, name: attachmentName(file.name) });
    }
    const at = this.now();
    const messageId = this.newId();
    const kept = checked.map((file, position) => {
      const row: AttachmentRow = {
        // The store's ids are 32 hex digits, as tus makes them.
        id: randomBytes(16).toString("hex"),
        message_id: messageId,
        request_id: id,
        position,
        name: file.name,
        type: file.type,
        size: file.bytes.byteLength,
        sha256: file.sha256,
      };
      return { row, bytes: file.bytes };
    });
    const rows = kept.map(({ row }) => row);
    try {
      for (const { row, bytes } of kept)
        await this.deps.documents.put(row.id, bytes, { requestId: id, filetype: row.type });
      await this.deps.exchanges.db.transaction().execute(async (trx) => {
        await this.deps.exchanges.addMessage(trx, {
          id: messageId,
          request_id: id,
          at: at.toISOString(),
          author: "staff",
          staff_id: actor.staffId,
          client_id: null,
          text,
          attachments: "[]",
        });
        await this.deps.exchanges.addAttachments(trx, rows);
        await this.deps.processing
          .writes(trx)
          .audit([auditEntry(actor, "message", id, at, rows.length > 0 ? `files ${rows.length}` : null)]);
        await this.deps.notices.notify(trx, id, "requestMessage");
        await this.deps.processing.beforeCommit();
      });
    } catch (error) {
      await Promise.all(rows.map((row) => this.deps.documents.remove(row.id).catch(() => undefined)));
      throw error;
    }
    this.deps.notices.kick();
    return { ok: true };
  }

  /**
   * The tasks and messages, for staff of the procedure (the caller checked it) or the citizen;
   * a waiting correction carries the answers it names as the request holds them now.
   */
  async of(id: string, flowId: string): Promise<CitizenExchanges> {
    const [tasks, messages, agentFiles, documents] = await Promise.all([
      this.deps.exchanges.tasks(id),
      this.deps.exchanges.messages(id),
      this.deps.exchanges.attachments(id),
      this.deps.exchanges.documents(id),
    ]);
    const flow = this.flowOf(flowId);
    const namesQuestions = tasks.some((task) => questionsOf(task).length > 0);
    const sent = namesQuestions ? await this.deps.answerChanges.answered(id) : undefined;
    const answers = sent ? (JSON.parse(sent.answers) as Record<string, unknown>) : {};
    const sentFlow = sent && this.deps.flows.get(sent.flowId, sent.flowVersion);
    const citizenFile = async (uploadId: string): Promise<MessageAttachmentView | undefined> => {
      const doc = documents.find((d) => d.uploadId === uploadId);
      if (!doc) return undefined;
      const stored = await this.deps.documents.inspect(uploadId);
      return {
        id: uploadId,
        name: attachmentName(stored?.metadata.filename ?? ""),
        type: doc.type,
        size: doc.size,
      };
    };
    const views = await Promise.all(
      messages.map(async (row): Promise<MessageView> => {
        const attachments =
          row.author === "staff"
            ? agentFiles.filter((file) => file.message_id === row.id).map(attachmentView)
            : (await Promise.all((JSON.parse(row.attachments) as string[]).map(citizenFile))).filter(
                (file): file is MessageAttachmentView => file !== undefined,
              );
        return { id: row.id, at: row.at, from: row.author, text: row.text, attachments };
      }),
    );
    return { tasks: tasks.map((task) => this.taskView(task, flow, sentFlow, answers)), messages: views };
  }

  /** The answers corrected by the citizen, oldest first, for the agent's history. */
  answerChanges(id: string) {
    return this.deps.answerChanges.of(id);
  }

  /** A file joined to one of the request's messages, by either side; undefined if it is none. */
  async attachment(id: string, attachmentId: string): Promise<AttachmentBytes | undefined> {
    const own = (await this.deps.exchanges.attachments(id)).find((file) => file.id === attachmentId);
    if (own) return { name: own.name, type: own.type, bytes: await this.deps.documents.readAll(own.id) };
    const named = (await this.deps.exchanges.messages(id)).some(
      (row) => row.author === "citizen" && (JSON.parse(row.attachments) as string[]).includes(attachmentId),
    );
    const doc = named && (await this.deps.exchanges.documents(id)).find((d) => d.uploadId === attachmentId);
    if (!doc) return undefined;
    const stored = await this.deps.documents.inspect(attachmentId);
    return {
      name: attachmentName(stored?.metadata.filename ?? ""),
      type: doc.type,
      bytes: await this.deps.documents.readAll(attachmentId),
    };
  }

  /** A message's file for the request's owner (as `forCitizen` decides who that is). */
  async attachmentForCitizen(
    id: string,
    accountId: string | undefined,
    attachmentId: string,
  ): Promise<AttachmentBytes | undefined> {
    return (await this.deps.requests.standingFor(id, accountId))
      ? this.attachment(id, attachmentId)
      : undefined;
  }

  /** A message's file for staff of the request's procedure; the read is audited. */
  async attachmentForStaff(actor: StaffActor, id: string, attachmentId: string) {
    if (!(await this.scoped(actor, id))) return undefined;
    const found = await this.attachment(id, attachmentId);
    if (found)
      await this.deps.processing.transaction((writes) =>
        writes.audit([auditEntry(actor, "read", id, this.now(), `attachment ${attachmentId}`)]),
      );
    return found;
  }

  /** The citizen's view, if `accountId` (or nobody, for a request without an account) may read it. */
  async forCitizen(id: string, accountId: string | undefined): Promise<CitizenExchanges | undefined> {
    const standing = await this.deps.requests.standingFor(id, accountId);
    return standing && this.of(id, standing.flowId);
  }

  /**
   * The citizen's answer to a task: their corrected answers put in the request (the questions
   * the task names only, the whole request checked again: answer-corrections.ts), the documents
   * bound to the request, their words kept, all in one transaction, and the request back to "en
   * instruction" once no task waits any more. Sent again with the same
   * client id and body, it is answered as the first time; with another body, 409.
   */
  async answerTask(
    id: string,
    accountId: string | undefined,
    taskId: string,
    body: TaskAnswerBody,
  ): Promise<ExchangeOutcome> {
    const standing = await this.deps.requests.standingFor(id, accountId);
    if (!standing) return refuse("not_found", 404);
    const tasks = await this.deps.exchanges.tasks(id);
    const task = tasks.find((t) => t.id === taskId);
    if (!task) return refuse("task_not_found", 404);
    const digest = digestOf(body);
    if (task.answered_at !== null) {
      if (task.answer_client_id !== body.clientId) return refuse("task_answered", 409);
      return task.answer_digest === digest ? { ok: true } : refuse("task_answer_conflict", 409);
    }
    const asked = JSON.parse(task.documents) as string[];
    const documents = body.documents ?? [];
    if (documents.some((doc) => !asked.includes(doc.fieldId))) return refuse("unknown_document_field", 422);
    const corrections = body.corrections ?? {};
    const questions = questionsOf(task);
    if (Object.keys(corrections).some((fieldId) => !questions.includes(fieldId)))
      return refuse("correction_not_asked", 422);
    const at = this.now().toISOString();
    const write = async (trx: Transaction<Tables>) => {
      if (
        !(await this.deps.exchanges.answerTask(trx, taskId, {
          at,
          clientId: body.clientId,
          digest,
          text: body.text?.trim() || null,
        }))
      )
        throw new Refusal("task_answered", 409);
      // Only a correction reads the request's flow version: documents and words do not need it.
      if (Object.keys(corrections).length > 0) {
        const corrected = await correctAnswers(
          { flows: this.deps.flows, changes: this.deps.answerChanges, newId: this.newId },
          trx,
          { id, taskId, at },
          corrections,
        );
        if (!corrected.ok) throw new Refusal(corrected.code, corrected.status, corrected.details);
      }
      const bound = await this.deps.exchanges.bindUploads(
        trx,
        id,
        standing.flowId,
        documents.map((doc) => ({ uploadId: doc.uploadId, fieldId: doc.fieldId })),
      );
      if (!bound) throw new Refusal("attachment_invalid", 422);
      // Some of the documents left for later came: the others are still due, in a task of their own.
      const still =
        task.origin === "later" ? asked.filter((f) => !documents.some((d) => d.fieldId === f)) : [];
      if (still.length > 0)
        await this.deps.exchanges.addTask(trx, {
          ...task,
          id: this.newId(),
          at,
          documents: JSON.stringify(still),
          text:
            this.deps.flows.french.text("messages:laterTask", "messages", { count: still.length }) ??
            task.text,
          answered_at: null,
          answer_client_id: null,
          answer_digest: null,
          answer_text: null,
        });
      await this.deps.processing.beforeCommit();
    };
    // Documents left for later do not hold the request: it waits only for what an agent asked.
    const othersOpen = tasks.some((t) => t.id !== taskId && t.answered_at === null && t.origin === "agent");
    try {
      if (!othersOpen && standing.status === "awaiting_citizen") {
        const changed = await this.deps.requests.changeStatus(id, "citizen_answered", {
          actor: "citizen",
          // The answer's own instant: the history lists the answer, then what it changed.
          at: new Date(at),
          alsoWrite: write,
        });
        if (changed.ok) return { ok: true };
      }
      // Already moved on (an agent went on without waiting): the answer is kept all the same.
      await this.deps.exchanges.db.transaction().execute(write);
      return { ok: true };
    } catch (error) {
      if (error instanceof Refusal)
        return (
          (await this.replayed(taskId, body, digest)) ?? {
            ...refuse(error.code, error.status),
            ...(error.details ? { details: error.details } : {}),
          }
        );
      throw error;
    }
  }

  /** The citizen's message, with the documents they join; kept once per client id. */
  async citizenMessage(
    id: string,
    accountId: string | undefined,
    body: CitizenMessageBody,
  ): Promise<ExchangeOutcome> {
    const standing = await this.deps.requests.standingFor(id, accountId);
    if (!standing) return refuse("not_found", 404);
    const attachments = body.attachments ?? [];
    if (attachments.length > MESSAGE_ATTACHMENTS_MAX) return refuse("too_many_attachments", 422);
    const existing = await this.deps.exchanges.messageByClientId(body.clientId);
    if (existing)
      return sameMessage(existing, id, body, attachments)
        ? { ok: true }
        : refuse("task_answer_conflict", 409);
    try {
      await this.deps.exchanges.db.transaction().execute(async (trx) => {
        await this.deps.exchanges.addMessage(trx, {
          id: this.newId(),
          request_id: id,
          at: this.now().toISOString(),
          author: "citizen",
          staff_id: null,
          client_id: body.clientId,
          text: body.text,
          attachments: JSON.stringify(attachments),
        });
        const bound = await this.deps.exchanges.bindUploads(
          trx,
          id,
          standing.flowId,
          // Uploaded for a message, not as a document of the procedure (those are the request's).
          attachments.map((uploadId) => ({ uploadId, fieldId: MESSAGE_ATTACHMENT_FIELD })),
        );
        if (!bound) throw new Refusal("attachment_invalid", 422);
      });
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.code, error.status);
      // The same message arriving twice at once: the unique client id kept the first.
      const raced = await this.deps.exchanges.messageByClientId(body.clientId);
      if (raced && sameMessage(raced, id, body, attachments)) return { ok: true };
      throw error;
    }
    return { ok: true };
  }

  private async replayed(taskId: string, body: TaskAnswerBody, digest: string) {
    const tasks = await this.deps.exchanges.db
      .selectFrom("request_tasks")
      .select(["answer_client_id", "answer_digest"])
      .where("id", "=", taskId)
      .executeTakeFirst();
    return tasks?.answer_client_id === body.clientId && tasks.answer_digest === digest
      ? ({ ok: true } as const)
      : undefined;
  }

  private taskView(
    task: TaskRow,
    flow: Flow | undefined,
    sentFlow: Flow | undefined,
    answers: Readonly<Record<string, unknown>>,
  ): TaskView {
    const texts = this.deps.flows.french;
    const waiting = task.answered_at === null;
    return {
      id: task.id,
      at: task.at,
      kind: task.kind,
      origin: task.origin,
      text: task.text,
      documents: (JSON.parse(task.documents) as string[]).map((fieldId) => {
        const field = flow && documentFieldById(flow, fieldId);
        return { fieldId, label: (field && texts.text(field.label, flow.id)) ?? fieldId };
      }),
      questions: questionsOf(task).map((fieldId) => {
        const field = sentFlow && questionFieldById(sentFlow, fieldId);
        const label = (field && texts.text(field.label, sentFlow.id)) ?? fieldId;
        // Once answered, the device has nothing to fill in: the answers stay on the server.
        return waiting && Object.hasOwn(answers, fieldId)
          ? { fieldId, label, value: answers[fieldId] }
          : { fieldId, label };
      }),
      answeredAt: task.answered_at,
    };
  }

  private flowOf(flowId: string): Flow | undefined {
    return this.deps.flows.current(flowId);
  }

  /** The questions of the request an agent may name, in the flow version it was sent with. */
  private async correctableOf(id: string): Promise<string[]> {
    const sent = await this.deps.answerChanges.answered(id);
    const flow = sent && this.deps.flows.get(sent.flowId, sent.flowVersion);
    if (!sent || !flow) return [];
    return correctableQuestions(flow, JSON.parse(sent.answers) as Answers).map((field) => field.id);
  }

  private async scoped(actor: StaffActor, id: string) {
    const request = await this.deps.processing.request(id);
    return request && mayProcess(actor, request.flowId) ? request : undefined;
  }
}

function attachmentView(row: AttachmentRow): MessageAttachmentView {
  return { id: row.id, name: row.name, type: row.type, size: row.size };
}

function sameMessage(row: MessageRow, id: string, body: CitizenMessageBody, attachments: readonly string[]) {
  return row.request_id === id && row.text === body.text && row.attachments === JSON.stringify(attachments);
}

const questionsOf = (task: TaskRow): string[] => JSON.parse(task.questions) as string[];

function digestOf(body: TaskAnswerBody): string {
  // Answers without corrections keep the text their digests were first recorded with.
  const canonical = JSON.stringify({
    documents: (body.documents ?? []).map((doc) => [doc.fieldId, doc.uploadId]),
    text: body.text ?? "",
    ...(body.corrections ? { corrections: canonicalJson(body.corrections) } : {}),
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** A status change refused, as the API answers it. */
export function statusRefusal(
  problem: "not_found" | "not_allowed" | "reason_required" | "reason_not_expected" | "changed",
): Extract<ExchangeOutcome, { ok: false }> {
  switch (problem) {
    case "not_found":
      return refuse("not_found", 404);
    case "not_allowed":
      return refuse("transition_not_allowed", 409);
    case "reason_required":
      return refuse("reason_required", 422);
    case "reason_not_expected":
      return refuse("reason_not_expected", 422);
    case "changed":
      return refuse("request_changed", 409);
  }
}
