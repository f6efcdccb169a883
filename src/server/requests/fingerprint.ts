/** The fingerprint that makes replays safe: a request's canonical text and its digest. */
import { createHash } from "node:crypto";
import type { SubmissionBody } from "../../shared/api/submission";

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
