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
  /** sha256 of the whole content, hex. */
  sha256(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  /** Every upload's id, finished or not. */
  list(): Promise<string[]>;
  /** Bytes still free where documents are written, for the free-disk guard. */
  freeBytes(): Promise<number>;
}

export const isComplete = (upload: StoredUpload) => upload.offset === upload.size;
