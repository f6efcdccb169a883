import { describe, expect, it } from "vitest";
import { classifyStorageError } from "../../../../src/app/storage/storage-errors";

describe("why the device refused to store a file", () => {
  it.each([
    ["quota", new DOMException("The quota has been exceeded.", "QuotaExceededError")],
    ["quota", new DOMException("Encountered full disk while opening backing store.", "QuotaExceededError")],
    ["quota", { name: "NS_ERROR_DOM_QUOTA_REACHED", message: "Persistent storage maximum size reached" }],
    ["blobWrite", new DOMException("Failed to write blobs.", "DataError")],
    ["blobWrite", new DOMException("Failed to write blobs.", "UnknownError")],
    [
      "blobWrite",
      new DOMException("Error preparing Blob/File data to be stored in object store", "UnknownError"),
    ],
    ["readOnly", new DOMException("The transaction is read-only.", "ReadOnlyError")],
    [
      "readOnly",
      new DOMException(
        "A mutation operation was attempted on a database that did not allow mutations.",
        "InvalidStateError",
      ),
    ],
    [
      "readOnly",
      new DOMException(
        "Failed to store record in an IDBObjectStore: BlobURLs are not yet supported.",
        "DataCloneError",
      ),
    ],
    ["readOnly", new DOMException("The operation is insecure.", "SecurityError")],
    [
      "unknown",
      new DOMException("An internal error was encountered in the Indexed Database server", "UnknownError"),
    ],
    ["unknown", new DOMException("The database connection is closing.", "InvalidStateError")],
    ["unknown", new Error("something else")],
    ["unknown", "a string"],
    ["unknown", undefined],
  ])("%s: %s", (problem, error) => {
    expect(classifyStorageError(error)).toBe(problem);
  });
});
