import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { readFile, readThumbnail, storeFile } from "../../../../src/app/storage/files";
import { StorageError } from "../../../../src/app/storage/storage-errors";
import { deviceFiles } from "../../../../src/app/wizard/file-store";

afterEach(async () => {
  vi.restoreAllMocks();
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** The next write fails the way a full phone makes it fail. */
function failNextWrite(error = new DOMException("The quota has been exceeded.", "QuotaExceededError")) {
  vi.spyOn(IDBObjectStore.prototype, "put").mockImplementationOnce(() => {
    throw error;
  });
}

describe("documents on the device", () => {
  it("keeps a photo's thumbnail with it, and none for a PDF", async () => {
    const photo = await storeFile(new Blob(["jpeg"]), "page.jpg", "image/jpeg", new Blob(["thumb"]));
    const pdf = await storeFile(new Blob(["%PDF-"]), "avis.pdf", "application/pdf");
    expect(await (await readThumbnail(photo.id))?.text()).toBe("thumb");
    expect(await readThumbnail(pdf.id)).toBeUndefined();
    expect(await readThumbnail("gone")).toBeUndefined();
  });

  it("says why a file was refused, and loses nothing stored before", async () => {
    const first = await storeFile(new Blob(["page 1"]), "page-1.jpg", "image/jpeg");
    failNextWrite();
    const refused: unknown = await storeFile(new Blob(["page 2"]), "page-2.jpg", "image/jpeg").catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(StorageError);
    expect(refused).toMatchObject({ code: "quota" });
    expect((refused as StorageError).cause).toBeInstanceOf(DOMException);
    expect(await (await readFile(first.id))?.blob.text()).toBe("page 1");
  });

  it("stores what a document field is given, checked from its content, and can try again", async () => {
    const rules = { accept: ["image/jpeg", "application/pdf"] as const, maxBytes: 1000 };
    const scan = new File(["%PDF-1.7 scan"], "scan.jpg", { type: "image/jpeg" });
    failNextWrite(new DOMException("Failed to write blobs.", "DataError"));
    await expect(deviceFiles.store(scan, rules)).rejects.toMatchObject({ code: "blobWrite" });
    const ref = await deviceFiles.store(scan, rules);
    expect(ref).toMatchObject({ name: "scan.pdf", type: "application/pdf", size: 13 });
    expect(await (await readFile(ref.id))?.blob.text()).toBe("%PDF-1.7 scan");
    await deviceFiles.remove(ref);
    expect(await readFile(ref.id)).toBeUndefined();
  });
});
