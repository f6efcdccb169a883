/** Documents as files under DATA_DIR/uploads: `<id>` holds the bytes, `<id>.json` the tus metadata. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readFile, rename, rm, statfs, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileStore } from "@tus/file-store";
import { ERRORS, Upload } from "@tus/server";
import {
  type DocumentStore,
  RECEIVED_SHA256_METADATA,
  RECEIVED_SIZE_METADATA,
  type ReceivedContent,
  type StoredUpload,
} from "./document-store";

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
      // Stopped between the metadata and the bytes of a replacement: the new bytes are ready.
      if (
        upload.offset !== upload.size &&
        upload.metadata?.[RECEIVED_SHA256_METADATA] &&
        upload.storage?.path
      )
        if (await renamed(replacementOf(upload.storage.path), upload.storage.path)) return this.inspect(id);
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

  /**
   * The new bytes are written beside the old and made durable, then the metadata says the new
   * length and what arrived, then the new bytes take the old ones' name: a crash at any point
   * leaves either the old content with its old metadata, or a replacement `inspect` finishes.
   */
  async replaceContent(id: string, bytes: Uint8Array, received: ReceivedContent): Promise<void> {
    const path = await this.pathOf(id);
    const replacement = replacementOf(path);
    await writeFile(replacement, bytes);
    await syncFile(replacement);
    const info = await this.tusStore.configstore.get(id);
    if (!info) throw ERRORS.FILE_NOT_FOUND;
    info.size = bytes.byteLength;
    info.metadata = {
      ...info.metadata,
      [RECEIVED_SHA256_METADATA]: received.sha256,
      [RECEIVED_SIZE_METADATA]: String(received.size),
    };
    await this.tusStore.configstore.set(id, info);
    await syncFile(`${path}.json`);
    await rename(replacement, path);
    await syncFile(dirname(path));
  }

  async put(id: string, bytes: Uint8Array, metadata: Readonly<Record<string, string>>): Promise<void> {
    await this.tusStore.create(new Upload({ id, size: bytes.byteLength, offset: 0, metadata }));
    await this.tusStore.write(Readable.from([Buffer.from(bytes)]), id, 0);
    await this.makeDurable(id);
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
    const path = await this.pathOf(id).catch(() => undefined);
    if (path) await rm(replacementOf(path), { force: true });
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

/** Sorts after `<id>.json`, so the tus store's listing (a file followed by its `.json`) still finds the upload. */
const replacementOf = (path: string) => `${path}.tmp`;

async function renamed(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
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
