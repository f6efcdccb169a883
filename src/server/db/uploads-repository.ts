/** What the server learnt about each finished upload: digest and real type, or that it was refused. */
import { BatchedLookup } from "./batched-lookup";
import type { RecordingBatches } from "./recording-batches";
import type { Db, UploadStatus } from "./tables";

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
  private readonly lookup;

  constructor(
    db: Db,
    private readonly batches: RecordingBatches,
  ) {
    this.lookup = new BatchedLookup(
      db,
      (ids) => db.selectFrom("uploads").selectAll().where("id", "in", ids),
      (row) => row.id,
    );
  }

  async find(ids: readonly string[]): Promise<Map<string, UploadRecord>> {
    const rows = await this.lookup.find(ids);
    return new Map(
      [...rows.values()].map((row) => [
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

  /**
   * Recording the same upload twice (the finish hook, then a check at submission) keeps the last
   * word. Written with the requests being recorded at the same time, durably, before this resolves.
   */
  record(upload: UploadRecord, now = new Date()): Promise<void> {
    return this.batches.writeUpload({
      id: upload.id,
      flow_id: upload.flowId,
      field_id: upload.fieldId,
      size: upload.size,
      sha256: upload.sha256,
      type: upload.type,
      status: upload.status,
      recorded_at: now.toISOString(),
    });
  }
}
