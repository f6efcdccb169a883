/** Documents as files under DATA_DIR/uploads: `<id>` holds the bytes, `<id>.json` the tus metadata. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, statfs } from "node:fs/promises";
import { dirname } from "node:path";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS } from "@tus/server";
import type { DocumentStore, StoredUpload } from "./document-store";

export interface FileDocumentStoreOptions {
  readonly directory: string;
  /** An upload not finished by then is refused (410) and may be removed. */
  readonly expirationMs: number;
}

/**
 * Never call the FileStore's own deleteExpired (tus's cleanUpExpiredUploads): it reads the
 * offset from the metadata file, where it stays 0, and so deletes finished documents too.
 * documents/expired-uploads.ts does that job.
 */
export class FileDocumentStore implements DocumentStore {
  readonly tusStore: FileStore;
  private readonly directory: string;

  constructor(options: FileDocumentStoreOptions) {
    this.directory = options.directory;
    this.tusStore = new FileStore({
      directory: options.directory,
      expirationPeriodInMilliseconds: options.expirationMs,
    });
    // Every upload announces its length, so its maximum is checked before the first byte.
    this.tusStore.extensions = this.tusStore.extensions.filter((e) => e !== "creation-defer-length");
  }

  async inspect(id: string): Promise<StoredUpload | undefined> {
    try {
      const upload = await this.tusStore.getUpload(id);
      if (upload.size === undefined) return undefined;
      return {
        id,
        size: upload.size,
        offset: upload.offset,
        metadata: upload.metadata ?? {},
        ...(upload.creation_date ? { createdAt: upload.creation_date } : {}),
      };
    } catch (error) {
      if (error === ERRORS.FILE_NOT_FOUND || error === ERRORS.FILE_NO_LONGER_EXISTS) return undefined;
      throw error;
    }
  }

  async readHead(id: string, length: number): Promise<Uint8Array> {
    const file = await open(await this.pathOf(id), "r");
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await file.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  async makeDurable(id: string): Promise<void> {
    const path = await this.pathOf(id);
    // The bytes, the metadata beside them, and the directory entries that name both: the three
    // waits for the disk overlap, and the upload is acknowledged only once all three are over.
    await Promise.all([path, `${path}.json`, dirname(path)].map(syncFile));
  }

  async readAll(id: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(await this.pathOf(id)));
  }

  async sha256(id: string): Promise<string> {
    const hash = createHash("sha256");
    await pipeline(createReadStream(await this.pathOf(id)), hash);
    return hash.digest("hex");
  }

  /**
   * Removing an upload already gone is done, not an error: several server processes share the
   * directory and run the same cleanup, so another one may have removed it a moment before (its
   * bytes, or its bytes and its metadata).
   */
  async remove(id: string): Promise<void> {
    try {
      await this.tusStore.remove(id);
    } catch (error) {
      if (error !== ERRORS.FILE_NOT_FOUND) throw error;
      await this.tusStore.configstore.delete(id).catch((reason: NodeJS.ErrnoException) => {
        if (reason.code !== "ENOENT") throw reason;
      });
    }
  }

  async list(): Promise<string[]> {
    return (await this.tusStore.configstore.list?.()) ?? [];
  }

  /** What an unprivileged process may still write (blocks kept for root are not ours). */
  async freeBytes(): Promise<number> {
    await mkdir(this.directory, { recursive: true });
    const stats = await statfs(this.directory);
    return stats.bavail * stats.bsize;
  }

  /** The FileStore knows where it put the bytes (and refuses ids that would leave its directory). */
  private async pathOf(id: string): Promise<string> {
    const upload = await this.tusStore.getUpload(id);
    if (!upload.storage?.path) throw ERRORS.FILE_NOT_FOUND;
    return upload.storage.path;
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
