/**
 * An agent's message as it arrives: JSON (words only), or `multipart/form-data` with its files.
 * Files come in the one request that writes the message rather than over tus: agents are on a
 * desktop on the province's network, a message with its files is then written whole or not at
 * all, and nothing half-sent waits for a cleanup. The body is bounded while it is read
 * (MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES), before the form is parsed.
 */
import type { Context } from "hono";
import * as v from "valibot";
import { StaffMessageBodySchema } from "../../shared/api/agents";
import {
  MESSAGE_ATTACHMENTS_MAX,
  MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES,
} from "../../shared/api/message-attachments";
import type { AgentFile } from "../processing/citizen-exchanges";
import { apiError } from "./errors";
import { readAtMost, readValidBody } from "./json-body";

const JSON_BODY = 16 * 1024;
/** The form's boundaries and headers, and the words, around the files. */
const FORM_OVERHEAD = 64 * 1024;

export type StaffMessage =
  | { readonly ok: true; readonly text: string; readonly files: readonly AgentFile[] }
  | { readonly ok: false; readonly response: Response };

export async function readStaffMessage(c: Context): Promise<StaffMessage> {
  const type = (c.req.header("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") {
    const body = await readValidBody(c, JSON_BODY, StaffMessageBodySchema);
    return body.ok ? { ok: true, text: body.value.text, files: [] } : body;
  }
  const limit = MESSAGE_ATTACHMENTS_MAX_TOTAL_BYTES + FORM_OVERHEAD;
  const declared = Number(c.req.header("Content-Length"));
  const tooLarge = () => ({ ok: false as const, response: apiError(c, 413, "attachment_too_large") });
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  const bytes = await readAtMost(c.req.raw.body, limit);
  if (bytes === undefined) return tooLarge();
  let form: FormData;
  try {
    form = await new Request("http://form.invalid/", {
      method: "POST",
      headers: { "Content-Type": c.req.header("Content-Type") ?? "" },
      body: new Uint8Array(bytes),
    }).formData();
  } catch {
    return { ok: false, response: apiError(c, 400, "invalid_body") };
  }
  const parsed = v.safeParse(StaffMessageBodySchema, { text: form.get("text") });
  if (!parsed.success) return { ok: false, response: apiError(c, 400, "invalid_body") };
  const parts = form.getAll("files");
  if (parts.some((part) => typeof part === "string"))
    return { ok: false, response: apiError(c, 400, "invalid_body") };
  if (parts.length > MESSAGE_ATTACHMENTS_MAX)
    return { ok: false, response: apiError(c, 422, "too_many_attachments") };
  const files = await Promise.all(
    (parts as File[]).map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
  return { ok: true, text: parsed.output.text, files };
}
