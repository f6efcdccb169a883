/**
 * The document field an upload is made for: one of its procedure's, or the file a citizen joins
 * to a message, which answers no question of the procedure and follows the same rules in every
 * procedure (shared/api/message-attachments.ts).
 */
import { MESSAGE_ATTACHMENT_DOCUMENT, MESSAGE_ATTACHMENT_FIELD } from "../../shared/api/message-attachments";
import type { Flow } from "../../shared/flow/schema";
import { type DocumentFieldDef, documentFieldById } from "../flows/flow-fields";

export function uploadField(flow: Flow, idOrPath: string): DocumentFieldDef | undefined {
  return (
    documentFieldById(flow, idOrPath) ??
    (idOrPath === MESSAGE_ATTACHMENT_FIELD ? MESSAGE_ATTACHMENT_DOCUMENT : undefined)
  );
}
