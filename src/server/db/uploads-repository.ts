/** What the server learnt about each finished upload: digest and real type, or that it was refused. */
import type { Db, UploadStatus } from "./tables";
import type { TransactionRunner } from "./transactions";

export interface UploadRecord {
  readonly id: string;
  readonly flowId: string;
  readonly fieldId: string;
  readonly size: number;
  readonly sha256: string | null;
  readonly type: string | null;
  readonly status: UploadStatus;
}

export class UploadsRepository {
  constructor(
    private readonly db: Db,
    private readonly transactions: TransactionRunner,
  ) {}

  async find(ids: readonly string[]): Promise<Map<string, UploadRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("uploads")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          flowId: row.flow_id,
          fieldId: row.field_id,
          size: row.size,
          sha256: row.sha256,
          type: row.type,
          status: row.status,
        },
      ]),
    );
  }

  /** Recording the same upload twice (the finish hook, then a check at submission) keeps the last word. */
  async record(upload: UploadRecord, now = new Date()): Promise<void> {
    const values = {
      flow_id: upload.flowId,
      field_id: upload.fieldId,
      size: upload.size,
      sha256: upload.sha256,
      type: upload.type,
      status: upload.status,
      recorded_at: now.toISOString(),
    };
    await this.transactions.run((trx) =>
      trx
        .insertInto("uploads")
        .values({ id: upload.id, ...values })
        .onConflict((oc) => oc.column("id").doUpdateSet(values))
        .execute(),
    );
  }
}
