/**
 * What a post's page asks the server: whether this browser is a post, where its person is, help
 * calls, the end of the person's session, and the reference sent to their phone. Never an answer
 * or a name: the body carries a procedure's and a step's ids at most.
 */
import * as v from "valibot";
import { apiPaths } from "../../shared/api/paths";
import {
  type CurrentPost,
  CurrentPostSchema,
  type HelpCallState,
  HelpCallStateSchema,
  type PostStep,
} from "../../shared/api/posts";

async function call(path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Undefined when the server says this browser is not (or no longer) a post, or cannot be reached. */
export async function fetchCurrentPost(): Promise<CurrentPost | undefined> {
  try {
    const response = await call(apiPaths.currentPost, "GET");
    if (!response.ok) return undefined;
    const parsed = v.safeParse(CurrentPostSchema, await response.json());
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

export async function reportActivity(step: PostStep): Promise<void> {
  await call(apiPaths.postActivity, "POST", step).catch(() => undefined);
}

/**
 * Ends the person's session on the server; its answer carries `Clear-Site-Data`, so the browser
 * drops the site's storage and caches. False when the server could not be reached (the page then
 * wipes what it can itself).
 */
export async function endPostSession(): Promise<boolean> {
  try {
    return (await call(apiPaths.postEnd, "POST")).ok;
  } catch {
    return false;
  }
}

async function helpState(response: Promise<Response>): Promise<HelpCallState | undefined> {
  try {
    const parsed = v.safeParse(HelpCallStateSchema, await (await response).json());
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

export const askForHelp = (step: PostStep) => helpState(call(apiPaths.postHelp, "POST", step));
export const helpCallState = () => helpState(call(apiPaths.postHelp, "GET"));
export const cancelHelpCall = () => helpState(call(apiPaths.postHelp, "DELETE"));

/** "sent" once the server queued the message, in the person's language. */
export async function sendReferenceTo(
  requestId: string,
  address: string,
  language: "fr" | "en",
): Promise<"sent" | "invalid" | "failed"> {
  try {
    const response = await call(apiPaths.postReceipt, "POST", { requestId, address, language });
    if (response.ok) return "sent";
    return response.status === 400 ? "invalid" : "failed";
  } catch {
    return "failed";
  }
}
