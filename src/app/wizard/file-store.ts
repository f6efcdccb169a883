/** Document fields keep their files in the device's storage; the answers hold only references. */
import { type PreparedDocument, prepareDocument } from "../documents/prepare-document";
import { syncedThumbnail } from "../storage/draft-sync";
import { deleteFile, readThumbnail, storeFile } from "../storage/files";
import type { FileStore } from "./fields/field-props";

/** Photos already shrunk whose storing failed: a retry stores them without shrinking them again. */
const awaitingRetry = new WeakMap<File, PreparedDocument>();

export const deviceFiles: FileStore = {
  async store(file, rules) {
    const prepared = awaitingRetry.get(file) ?? (await prepareDocument(file, rules));
    try {
      const ref = await storeFile(prepared.blob, prepared.name, prepared.type, prepared.thumbnail);
      awaitingRetry.delete(file);
      return ref;
    } catch (error) {
      awaitingRetry.set(file, prepared);
      throw error;
    }
  },
  remove: (ref) => deleteFile(ref.id),
  // A document another device added: its thumbnail came with the draft, before its bytes.
  thumbnail: async (ref) => (await readThumbnail(ref.id)) ?? (await syncedThumbnail(ref.id)),
};
