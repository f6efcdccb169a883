/**
 * Why the device refused to store something, told apart in one place from what browsers throw,
 * so the page can say what to do about it. Names and messages seen in the wild:
 * - quota: QuotaExceededError everywhere (Firefox once said NS_ERROR_DOM_QUOTA_REACHED);
 * - blobWrite: Chrome on Android "DataError: Failed to write blobs." (often a nearly full phone),
 *   Safari "UnknownError: Error preparing Blob/File data to be stored in object store";
 * - readOnly: private browsing and blocked storage: Firefox "InvalidStateError: A mutation
 *   operation was attempted on a database that did not allow mutations.", Safari "DataCloneError:
 *   … BlobURLs are not yet supported", ReadOnlyError, SecurityError;
 * - unknown: the rest, Safari's "UnknownError: An internal error was encountered…" included.
 */

export type StorageProblem = "quota" | "blobWrite" | "readOnly" | "unknown";

export class StorageError extends Error {
  override readonly name = "StorageError";

  constructor(
    readonly code: StorageProblem,
    options?: ErrorOptions,
  ) {
    super(`storage:${code}`, options);
  }
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function classifyStorageError(error: unknown): StorageProblem {
  const { name, message } = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    message?: unknown;
  };
  const [errorName, errorMessage] = [text(name), text(message)];
  if (errorName === "QuotaExceededError" || errorName === "NS_ERROR_DOM_QUOTA_REACHED") return "quota";
  if (/failed to write blobs|error preparing blob/i.test(errorMessage)) return "blobWrite";
  if (
    errorName === "ReadOnlyError" ||
    errorName === "SecurityError" ||
    (errorName === "InvalidStateError" && /mutation/i.test(errorMessage)) ||
    /blob ?urls are not yet supported/i.test(errorMessage)
  )
    return "readOnly";
  return "unknown";
}

/** What the device threw, as a StorageError the page can explain. */
export function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError
    ? error
    : new StorageError(classifyStorageError(error), { cause: error });
}
