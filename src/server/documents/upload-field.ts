/**
 * The document field an upload is made for: one of its procedure's, or the file a citizen joins
 * to a message, which answers no question of the procedure and follows the same rules in every
 * procedure (shared/api/message-attachments.ts).
 */
import {
  MESSAGE_ATTACHMENT_FIELD,
  MESSAGE_ATTACHMENT_MAX_BYTES,
  MESSAGE_ATTACHMENT_TYPES,
  MESSAGE_ATTACHMENTS_MAX,
} from "../../shared/api/message-attachments";
import type { Flow } from "../../shared/flow/schema";
import { type DocumentFieldDef, documentFieldById } from "../flows/flow-fields";

/** Its label is the citizen's app's own text, which the server reads in French for agents. */
export const MESSAGE_ATTACHMENT: DocumentFieldDef = {
  id: MESSAGE_ATTACHMENT_FIELD,
  type: "document",
  label: "exchanges:messages.attachmentDocument",
  required: false,
  accept: [...MESSAGE_ATTACHMENT_TYPES],
  maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES,
  maxFiles: MESSAGE_ATTACHMENTS_MAX,
};

export function uploadField(flow: Flow, idOrPath: string): DocumentFieldDef | undefined {
  return documentFieldById(flow, idOrPath) ?? (idOrPath === MESSAGE_ATTACHMENT_FIELD ? MESSAGE_ATTACHMENT : undefined);
}
