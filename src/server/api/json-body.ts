/**
 * Reads a JSON request body within a byte limit. The limit is enforced while reading, not only
 * from Content-Length, so a chunked body cannot fill the memory either. A body of a declared
 * length is read whole: the HTTP parser never lets it grow past that length, and reading it
 * whole skips the web stream that @hono/node-server would otherwise build around the socket.
 */
import type { Context } from "hono";
import * as v from "valibot";
import { apiError } from "./errors";
import { withinJsonShape } from "./json-shape";

export type JsonBody =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly response: Response };

export async function readJsonBody(c: Context, maxBytes: number): Promise<JsonBody> {
  if (!isJson(c.req.header("Content-Type"))) return fail(apiError(c, 415, "unsupported_media_type"));
  const length = c.req.header("Content-Length");
  const declared = length === undefined ? Number.NaN : Number(length);
  if (Number.isFinite(declared) && declared > maxBytes) return fail(apiError(c, 413, "body_too_large"));
  const bytes = Number.isFinite(declared)
    ? new Uint8Array(await c.req.raw.arrayBuffer())
    : await readAtMost(c.req.raw.body, maxBytes);
  if (bytes === undefined) return fail(apiError(c, 413, "body_too_large"));
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // Invalid UTF-8 or invalid JSON: either way the client sent something unreadable.
    return fail(apiError(c, 400, "malformed_json"));
  }
  if (!withinJsonShape(value)) return fail(apiError(c, 400, "body_too_complex"));
  return { ok: true, value };
}

const fail = (response: Response): JsonBody => ({ ok: false, response });

/** application/json, optionally with charset=utf-8 (JSON is UTF-8 by definition). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(";").map((part) => part.trim().toLowerCase());
  if (type !== "application/json") return false;
  return params.every((param) => !param.startsWith("charset=") || /^charset="?utf-8"?$/.test(param));
}

/** The body's bytes, or undefined as soon as it grows past the limit. */
export async function readAtMost(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A JSON body of at most `maxBytes` that `schema` accepts, or the 400/413 answer to send. */
export async function readValidBody<T>(
  c: Context,
  maxBytes: number,
  schema: v.GenericSchema<unknown, T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const json = await readJsonBody(c, maxBytes);
  if (!json.ok) return json;
  const parsed = v.safeParse(schema, json.value);
  if (!parsed.success) return { ok: false, response: apiError(c, 400, "invalid_body") };
  return { ok: true, value: parsed.output };
}
