/** Document fields keep their files in the device's storage; the answers hold only references. */
import { deleteFile, storeFile } from "../storage/files";
import type { FileStore } from "./fields/field-props";

export const deviceFiles: FileStore = {
  store: (file) => storeFile(file, file.name, file.type),
  remove: (ref) => deleteFile(ref.id),
};
