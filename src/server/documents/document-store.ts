/**
 * Where document bytes live. The tus endpoint writes through `tusStore`; the API reads back what
 * arrived to check it. The filesystem implementation is the default; an object store can take
 * its place behind the same interface.
 */
import type { DataStore } from "@tus/server";

export interface StoredUpload {
  readonly id: string;
  /** The length announced at creation. */
  readonly size: number;
  /** Bytes received so far. */
  readonly offset: number;
  readonly metadata: Readonly<Record<string, string | null>>;
  /** ISO time of creation, when the store knows it. */
  readonly createdAt?: string;
}

export interface DocumentStore {
  readonly tusStore: DataStore;
  /** The upload's state, or undefined when there is no such upload (never created, removed, expired). */
  inspect(id: string): Promise<StoredUpload | undefined>;
  /** The first bytes of an upload, for the type check. */
  readHead(id: string, length: number): Promise<Uint8Array>;
  /** Forces a finished upload's bytes to disk, so a power cut cannot lose what was acknowledged. */
  makeDurable(id: string): Promise<void>;
  /** The whole content of a finished upload, for staff reading a request's documents. */
  readAll(id: string): Promise<Uint8Array>;
  /**
   * Puts `bytes` in place of a finished upload's content (a re-encoded image), and its length as
   * the upload's, so a client asking where its upload stands still hears it is finished.
   * `received` (what arrived: the digest and length the client knows) is kept in the upload's
   * metadata, so checking it again after a crash does not mistake the new bytes for what was sent.
   */
  replaceContent(id: string, bytes: Uint8Array, received: ReceivedContent): Promise<void>;
  /**
   * Keeps `bytes` as a finished document of its own, made durable before it returns: a file an
   * agent joined to a message, which arrives whole in one request rather than over tus.
   */
  put(id: string, bytes: Uint8Array, metadata: Readonly<Record<string, string>>): Promise<void>;
  /** sha256 of the whole content, hex. */
  sha256(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  /** Every upload's id, finished or not. */
  list(): Promise<string[]>;
  /** Bytes still free where documents are written, for the free-disk guard. */
  freeBytes(): Promise<number>;
}

export interface ReceivedContent {
  readonly sha256: string;
  readonly size: number;
}

/** Metadata keys holding what arrived, once the content was replaced. */
export const RECEIVED_SHA256_METADATA = "receivedSha256";
export const RECEIVED_SIZE_METADATA = "receivedSize";

/** What arrived, when the content was replaced since. */
export function receivedContent(upload: Pick<StoredUpload, "metadata">): ReceivedContent | undefined {
  const sha256 = upload.metadata[RECEIVED_SHA256_METADATA];
  const size = Number(upload.metadata[RECEIVED_SIZE_METADATA]);
  return sha256 && Number.isSafeInteger(size) ? { sha256, size } : undefined;
}

export const isComplete = (upload: StoredUpload) => upload.offset === upload.size;
