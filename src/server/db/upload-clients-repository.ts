/**
 * Who created which upload, and how big it can grow: what the per-client limits count
 * (documents/upload-limits.ts). Counted in the database so that several server processes share
 * the same counts. A row goes when its upload is removed.
 */
import { sql } from "kysely";
import type { Db } from "./tables";

export interface ClientUsage {
  /** Uploads created since the start of the window. */
  readonly created: number;
  /** Bytes those uploads announced. */
  readonly bytes: number;
  /** When the oldest of them was created, if any: the window frees up from then. */
  readonly oldest: string | undefined;
}

/** Ids per statement when asking which uploads requests name (well under any driver's limit). */
const CHUNK = 500;

export class UploadClientsRepository {
  constructor(private readonly db: Db) {}

  async usageSince(clientKey: string, since: Date): Promise<ClientUsage> {
    const row = await this.db
      .selectFrom("upload_clients")
      .select((eb) => [
        eb.fn.countAll().as("created"),
        eb.fn.sum("size").as("bytes"),
        eb.fn.min("created_at").as("oldest"),
      ])
      .where("client_key", "=", clientKey)
      .where("created_at", ">", since.toISOString())
      .executeTakeFirst();
    return {
      created: Number(row?.created ?? 0),
      bytes: Number(row?.bytes ?? 0),
      oldest: row?.oldest ?? undefined,
    };
  }

  /**
   * Bytes the client holds on the server that no request has taken: uploads unfinished, or
   * finished and accepted but named by no request yet. Refused documents are already deleted.
   */
  async heldBytes(clientKey: string): Promise<number> {
    const row = await this.db
      .selectFrom("upload_clients")
      .select((eb) => eb.fn.sum("size").as("bytes"))
      .where("client_key", "=", clientKey)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("submission_documents")
              .select(sql<number>`1`.as("one"))
              .whereRef("submission_documents.upload_id", "=", "upload_clients.upload_id"),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("uploads")
              .select(sql<number>`1`.as("one"))
              .whereRef("uploads.id", "=", "upload_clients.upload_id")
              .where("uploads.status", "!=", "complete"),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }

  async record(uploadId: string, clientKey: string, size: number, now = new Date()): Promise<void> {
    await this.db
      .insertInto("upload_clients")
      .values({ upload_id: uploadId, client_key: clientKey, size, created_at: now.toISOString() })
      .execute();
  }

  async forget(uploadId: string): Promise<void> {
    await this.db.deleteFrom("upload_clients").where("upload_id", "=", uploadId).execute();
  }

  /**
   * The ids among `ids` that a recorded request names: its documents, and the files agents joined
   * to its messages (kept in the same store; one whose message was never written is removed).
   */
  async namedByRequests(ids: readonly string[]): Promise<Set<string>> {
    const named = new Set<string>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows = await this.db
        .selectFrom("submission_documents")
        .select("upload_id as id")
        .where("upload_id", "in", chunk)
        .union(this.db.selectFrom("message_attachments").select("id").where("id", "in", chunk))
        .execute();
      for (const row of rows) named.add(row.id);
    }
    return named;
  }
}
