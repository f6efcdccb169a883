/** The body of PUT /api/submissions/{id}, its shape, and the fingerprint that makes replays safe. */
import { createHash } from "node:crypto";
import * as v from "valibot";
import type { Answers } from "../../shared/engine/answers";

/** The tus server names uploads with 16 random bytes in hex. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;
const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const DocumentEntry = v.object({
  fieldId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  uploadId: v.pipe(v.string(), v.regex(UPLOAD_ID)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/), v.toLowerCase()),
  size: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  type: v.pipe(v.string(), v.maxLength(100)),
});

const SubmissionBodySchema = v.object({
  flowId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  flowVersion: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  answers: v.custom<Answers>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    "an object of answers",
  ),
  documents: v.pipe(v.array(DocumentEntry), v.maxLength(500)),
});

export type SubmissionBody = v.InferOutput<typeof SubmissionBodySchema>;
export type DocumentEntry = v.InferOutput<typeof DocumentEntry>;

/** The device's UUID, lower-cased so the same request is always the same key; undefined if it is not one. */
export function parseSubmissionId(value: string): string | undefined {
  const id = value.toLowerCase();
  return SUBMISSION_ID.test(id) ? id : undefined;
}

export function parseSubmissionBody(
  input: unknown,
): { ok: true; body: SubmissionBody } | { ok: false; paths: string[] } {
  const result = v.safeParse(SubmissionBodySchema, input);
  if (result.success) return { ok: true, body: result.output };
  return { ok: false, paths: [...new Set(result.issues.map((issue) => v.getDotPath(issue) ?? "(body)"))] };
}

/**
 * JSON with object keys sorted, so two bodies that mean the same thing have the same text
 * whatever order the client wrote the keys in. Only the fields of the contract are hashed
 * (valibot dropped the others), so a client adding a harmless field does not break its replays.
 * Recorded digests depend on this exact text: it must never change.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    text += `${i === 0 ? "" : ","}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `${text}}`;
}

/**
 * The answers as stored (canonical JSON) and the digest of the whole body, canonicalJson(body)
 * written from the answers' text rather than a second walk through them.
 */
export function fingerprint(body: SubmissionBody): { answers: string; bodySha256: string } {
  const answers = canonicalJson(body.answers);
  const text = `{"answers":${answers},"documents":${canonicalJson(body.documents)},"flowId":${JSON.stringify(body.flowId)},"flowVersion":${canonicalJson(body.flowVersion)}}`;
  return { answers, bodySha256: sha256Hex(text) };
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
