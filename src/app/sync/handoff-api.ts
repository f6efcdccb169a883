/**
 * The hand-off's side of the API: leaving a package's ciphertext, fetching one by its locator.
 * Only ciphertext and the locator ever go over the network; the secret stays in the page.
 */
import * as v from "valibot";
import { apiErrorOf } from "../../shared/api/error-codes";
import { type HandoffCreated, HandoffCreatedSchema } from "../../shared/api/handoff";
import { apiPaths } from "../../shared/api/paths";

export type LeaveProblem = "too_many_handoffs" | "too_large" | "network" | "unknown";
export type TakeProblem =
  | "handoff_not_found"
  | "handoff_used"
  | "handoff_expired"
  | "too_many_attempts"
  | "network"
  | "unknown";

export class HandoffApiError<P extends string> extends Error {
  override readonly name = "HandoffApiError";
  constructor(readonly problem: P) {
    super(problem);
  }
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  return apiErrorOf(await response.json().catch(() => undefined))?.code;
}

export async function leavePackage(sealed: Uint8Array<ArrayBuffer>): Promise<HandoffCreated> {
  let response: Response;
  try {
    response = await fetch(apiPaths.handoffs, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/octet-stream", Accept: "application/json" },
      body: sealed,
    });
  } catch {
    throw new HandoffApiError<LeaveProblem>("network");
  }
  if (response.ok) {
    const parsed = v.safeParse(HandoffCreatedSchema, await response.json().catch(() => undefined));
    if (parsed.success) return parsed.output;
    throw new HandoffApiError<LeaveProblem>("unknown");
  }
  const code = await errorCodeOf(response);
  if (code === "too_many_handoffs") throw new HandoffApiError<LeaveProblem>(code);
  if (code === "body_too_large") throw new HandoffApiError<LeaveProblem>("too_large");
  throw new HandoffApiError<LeaveProblem>("unknown");
}

const TAKE_PROBLEMS: readonly string[] = [
  "handoff_not_found",
  "handoff_used",
  "handoff_expired",
  "too_many_attempts",
];

export async function takePackage(locator: string): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetch(apiPaths.handoff(encodeURIComponent(locator)), { credentials: "same-origin" });
  } catch {
    throw new HandoffApiError<TakeProblem>("network");
  }
  if (response.ok) return new Uint8Array(await response.arrayBuffer());
  const code = await errorCodeOf(response);
  throw new HandoffApiError<TakeProblem>(
    code && TAKE_PROBLEMS.includes(code) ? (code as TakeProblem) : "unknown",
  );
}
