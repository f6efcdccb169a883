/** Reading the id and body of PUT /api/submissions/{id}; their shape is the shared contract. */
import * as v from "valibot";
import { SUBMISSION_ID, type SubmissionBody, SubmissionBodySchema } from "../../shared/api/submission";

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
