/**
 * What passes between the agents and the citizen about a request: messages both ways, tasks (a
 * correction or named documents asked for) and their answers, the documents the citizen adds
 * afterwards (bound to the request as its own documents were), and where to tell the person.
 * Writes take the caller's transaction, so each goes with its status change and audit entry.
 */
import type { Transaction } from "kysely";
import type { Db, MessageAttachmentsTable, RequestMessagesTable, RequestTasksTable, Tables } from "./tables";

export type MessageRow = RequestMessagesTable;
export type AttachmentRow = MessageAttachmentsTable;
export type TaskRow = RequestTasksTable;

export interface RequestDocumentRow {
  readonly uploadId: string;
  readonly fieldId: string;
  readonly type: string;
  readonly size: number;
}

/** A document to bind to the request: the upload, and the field it answers. */
export interface Binding {
  readonly uploadId: string;
  /** The field the upload was made for is checked against this when given. */
  readonly fieldId?: string;
}

export type Executor = Transaction<Tables> | Db;

export class ExchangesRepository {
  constructor(readonly db: Db) {}

  messages(requestId: string, executor: Executor = this.db): Promise<MessageRow[]> {
    return executor
      .selectFrom("request_messages")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }

  tasks(requestId: string, executor: Executor = this.db): Promise<TaskRow[]> {
    return executor
      .selectFrom("request_tasks")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("at")
      .orderBy("id")
      .execute();
  }

  messageByClientId(clientId: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom("request_messages")
      .selectAll()
      .where("client_id", "=", clientId)
      .executeTakeFirst();
  }

  async documents(requestId: string): Promise<RequestDocumentRow[]> {
    const rows = await this.db
      .selectFrom("submission_documents")
      .select(["upload_id", "field_id", "type", "size"])
      .where("submission_id", "=", requestId)
      .orderBy("position")
      .execute();
    return rows.map((row) => ({
      uploadId: row.upload_id,
      fieldId: row.field_id,
      type: row.type,
      size: Number(row.size),
    }));
  }

  async addMessage(trx: Executor, row: MessageRow): Promise<void> {
    await trx.insertInto("request_messages").values(row).execute();
  }

  async addAttachments(trx: Executor, rows: readonly AttachmentRow[]): Promise<void> {
    if (rows.length > 0)
      await trx
        .insertInto("message_attachments")
        .values([...rows])
        .execute();
  }

  /** The files agents joined to the request's messages, in each message's order. */
  async attachments(requestId: string): Promise<AttachmentRow[]> {
    const rows = await this.db
      .selectFrom("message_attachments")
      .selectAll()
      .where("request_id", "=", requestId)
      .orderBy("message_id")
      .orderBy("position")
      .execute();
    return rows.map((row) => ({ ...row, size: Number(row.size), position: Number(row.position) }));
  }

  async addTask(trx: Executor, row: TaskRow): Promise<void> {
    await trx.insertInto("request_tasks").values(row).execute();
  }

  /** Records the answer if the task has none yet: false when another answer came first. */
  async answerTask(
    trx: Executor,
    taskId: string,
    answer: {
      readonly at: string;
      readonly clientId: string;
      readonly digest: string;
      readonly text: string | null;
    },
  ): Promise<boolean> {
    const updated = await trx
      .updateTable("request_tasks")
      .set({
        answered_at: answer.at,
        answer_client_id: answer.clientId,
        answer_digest: answer.digest,
        answer_text: answer.text,
      })
      .where("id", "=", taskId)
      .where("answered_at", "is", null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /**
   * Adds finished uploads of the request's procedure to its documents, after the ones it has.
   * False (and nothing written) when one is unknown, unfinished or refused, made for another
   * procedure or field, or already a request's: the caller rolls its transaction back.
   */
  async bindUploads(trx: Executor, requestId: string, flowId: string, bindings: readonly Binding[]) {
    if (bindings.length === 0) return true;
    const ids = bindings.map((b) => b.uploadId);
    if (new Set(ids).size !== ids.length) return false;
    const uploads = await trx
      .selectFrom("uploads")
      .select(["id", "flow_id", "field_id", "size", "sha256", "type", "status"])
      .where("id", "in", ids)
      .execute();
    const taken = await trx
      .selectFrom("submission_documents")
      .select("upload_id")
      .where("upload_id", "in", ids)
      .execute();
    if (taken.length > 0) return false;
    const byId = new Map(uploads.map((u) => [u.id, u]));
    const last = await trx
      .selectFrom("submission_documents")
      .select((eb) => eb.fn.max("position").as("position"))
      .where("submission_id", "=", requestId)
      .executeTakeFirst();
    let position = last?.position === null || last?.position === undefined ? -1 : Number(last.position);
    const rows = [];
    for (const binding of bindings) {
      const upload = byId.get(binding.uploadId);
      if (upload?.status !== "complete" || upload.flow_id !== flowId || !upload.sha256 || !upload.type)
        return false;
      if (binding.fieldId !== undefined && upload.field_id !== binding.fieldId) return false;
      position += 1;
      rows.push({
        submission_id: requestId,
        position,
        field_id: upload.field_id,
        upload_id: upload.id,
        sha256: upload.sha256,
        size: upload.size,
        type: upload.type,
      });
    }
    await trx.insertInto("submission_documents").values(rows).execute();
    return true;
  }

  /**
   * Where to tell the request's owner, as they signed in (an email or a +687 mobile, or the
   * email NC Connect gave), with the reference; undefined for a request without an account.
   */
  async contactOf(
    trx: Executor,
    requestId: string,
  ): Promise<{ readonly reference: string; readonly address: string | undefined } | undefined> {
    const row = await trx
      .selectFrom("submissions")
      .leftJoin("accounts", "accounts.id", "submissions.owner_account_id")
      .select(["submissions.reference", "accounts.code_address", "accounts.profile"])
      .where("submissions.id", "=", requestId)
      .executeTakeFirst();
    if (!row) return undefined;
    const profileEmail = (JSON.parse(row.profile ?? "{}") as { email?: unknown }).email;
    const address = row.code_address ?? (typeof profileEmail === "string" ? profileEmail : undefined);
    return { reference: row.reference, address };
  }
}
