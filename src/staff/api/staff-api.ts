/**
 * Everything the staff pages ask the server, and the only staff code that calls fetch: the paths
 * and the answers' schemas are the API contract's (src/shared/api). A 401 `staff_sign_in_required`
 * from any route (a session ended by the idle limit, an administrator, a sign-out elsewhere) is
 * reported to `onSignInRequired`, which sends the person to the sign-in.
 */
import * as v from "valibot";
import {
  AgentRequestSchema,
  type AgentRequestView,
  type AskCitizenBody,
  AuditAnswerSchema,
  type AuditRowView,
  BulkAssignAnswerSchema,
  ColleaguesSchema,
  type ColleaguesView,
  type QueueNameView,
  QueuePageSchema,
  type QueuePageView,
  type StatusBody,
} from "../../shared/api/agents";
import { type ApiErrorCode, apiErrorOf } from "../../shared/api/error-codes";
import { apiPaths } from "../../shared/api/paths";
import {
  type Board,
  BoardSchema,
  type CurrentPost,
  CurrentPostSchema,
  type Statistics,
  StatisticsSchema,
} from "../../shared/api/posts";
import {
  type StaffAccountsList,
  StaffAccountsSchema,
  type StaffMe,
  StaffMeSchema,
  type StaffPasswordAnswer,
  StaffPasswordAnswerSchema,
  StaffSignInOptionsSchema,
  StaffSignOutAnswerSchema,
} from "../../shared/api/staff";

/** Why a call failed: the API's code, no network, or an answer the page cannot read. */
export type StaffProblem = ApiErrorCode | "network" | "unexpected";
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: StaffProblem };

let signInRequired: () => void = () => undefined;

export function onSignInRequired(listener: () => void): void {
  signInRequired = listener;
}

async function call<T>(
  path: string,
  method: string,
  schema: v.GenericSchema<unknown, T> | undefined,
  body?: unknown,
): Promise<Outcome<T>> {
  let response: Response;
  try {
    // A form (a message with its files) is sent as the browser encodes it, with its boundary.
    const form = body instanceof FormData;
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined || form ? {} : { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, problem: "network" };
  }
  const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = apiErrorOf(json)?.code ?? "unexpected";
    if (problem === "staff_sign_in_required") signInRequired();
    return { ok: false, problem };
  }
  if (!schema) return { ok: true, value: undefined as T };
  const parsed = v.safeParse(schema, json);
  return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problem: "unexpected" };
}

export const signInWithPassword = (email: string, password: string): Promise<Outcome<StaffPasswordAnswer>> =>
  call(apiPaths.staffSignIn, "POST", StaffPasswordAnswerSchema, { email, password });

export const signInWithCode = (code: string): Promise<Outcome<StaffMe>> =>
  call(apiPaths.staffSignInTotp, "POST", StaffMeSchema, { code });

/** Who is signed in; `staff_sign_in_required` when nobody is (not reported: the page is starting). */
export async function currentStaff(): Promise<Outcome<StaffMe>> {
  try {
    const response = await fetch(apiPaths.staffSession, { credentials: "same-origin" });
    if (response.status === 401) return { ok: false, problem: "staff_sign_in_required" };
    const parsed = v.safeParse(StaffMeSchema, await response.json());
    return parsed.success ? { ok: true, value: parsed.output } : { ok: false, problem: "unexpected" };
  } catch {
    return { ok: false, problem: "network" };
  }
}

export const signOut = (): Promise<Outcome<{ endSessionUrl?: string | undefined }>> =>
  call(apiPaths.staffSignOut, "POST", StaffSignOutAnswerSchema);

/** Whether to offer the staff directory; offline or unreadable, only the password is offered. */
export async function directoryOffered(): Promise<boolean> {
  const answer = await call(apiPaths.staffSignInOptions, "GET", StaffSignInOptionsSchema);
  return answer.ok && answer.value.directory;
}

/** Where the directory's round trip starts: a whole-page visit, not a fetch. */
export const directorySignInPath = apiPaths.staffDirectoryStart;

export async function staffAccounts(): Promise<Outcome<StaffAccountsList>> {
  const answer = await call(apiPaths.staffAccounts, "GET", StaffAccountsSchema);
  return answer.ok ? { ok: true, value: answer.value.accounts } : answer;
}

export const endSessionsOf = (id: string): Promise<Outcome<undefined>> =>
  call(apiPaths.staffAccountEndSessions(id), "POST", undefined);

export const takeCall = (id: string): Promise<Outcome<Board>> =>
  call(apiPaths.mediationTake(id), "POST", BoardSchema);

export const closeCall = (id: string): Promise<Outcome<Board>> =>
  call(apiPaths.mediationClose(id), "POST", BoardSchema);

export const statistics = (): Promise<Outcome<Statistics>> =>
  call(apiPaths.mediationStatistics, "GET", StatisticsSchema);

/** This browser as a post of the connected space (its cookies are set by the answer). */
export const enrolThisBrowser = (name: string): Promise<Outcome<undefined>> =>
  call(apiPaths.posts, "POST", undefined, { name });

export const removePost = (id: string): Promise<Outcome<undefined>> =>
  call(apiPaths.post(id), "DELETE", undefined);

/** The post this browser is, if it is one (its readable marker cookie says whether to ask). */
export async function thisBrowserPost(): Promise<CurrentPost | undefined> {
  if (!document.cookie.split("; ").includes("pap_post=1")) return undefined;
  try {
    const response = await fetch(apiPaths.currentPost, { credentials: "same-origin" });
    if (!response.ok) return undefined;
    const parsed = v.safeParse(CurrentPostSchema, await response.json());
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

export interface BoardEvents {
  readonly onBoard: (board: Board) => void;
  /** The stream is down; the browser tries again by itself. */
  readonly onLost: () => void;
}

/** How long before a stream the browser gave up on is opened again. */
const REOPEN_MS = 2000;

/**
 * The live board (server-sent events). EventSource reconnects by itself after a cut; when it
 * gives up (the server answered an error, a 401 after a session ended), the session is asked:
 * signed out goes to the sign-in, anything else opens a new stream a moment later.
 * Returns a function that closes the stream.
 */
export function followBoard(events: BoardEvents): () => void {
  let source: EventSource | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const open = () => {
    source = new EventSource(apiPaths.mediationEvents);
    source.addEventListener("board", (event) => {
      const parsed = v.safeParse(BoardSchema, JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) events.onBoard(parsed.output);
    });
    source.addEventListener("error", () => {
      events.onLost();
      if (source?.readyState !== EventSource.CLOSED) return;
      void currentStaff().then((me) => {
        if (stopped) return;
        if (!me.ok && me.problem === "staff_sign_in_required") signInRequired();
        else reopen = setTimeout(open, REOPEN_MS);
      });
    });
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(reopen);
    source?.close();
  };
}

/** One page of a procedure's queue; `search` is the API's query string (filters, sort, page). */
export const agentQueue = (
  flowId: string,
  queue: QueueNameView,
  search: string,
): Promise<Outcome<QueuePageView>> =>
  call(`${apiPaths.agentQueue(flowId, queue)}${search ? `?${search}` : ""}`, "GET", QueuePageSchema);

/** Where the filtered queue downloads as a file (a link: the browser saves it). */
export const agentQueueExportPath = (
  flowId: string,
  queue: QueueNameView,
  search: string,
  format: "csv" | "xlsx",
) => `${apiPaths.agentQueueExport(flowId, queue, format)}${search ? `&${search}` : ""}`;

export const agentRequest = (id: string): Promise<Outcome<AgentRequestView>> =>
  call(apiPaths.agentRequest(id), "GET", AgentRequestSchema);

/** Where a request's document is read (shown in the page) and its archive PDF downloaded. */
export const agentDocumentPath = apiPaths.agentRequestDocument;
export const agentArchivePath = apiPaths.agentRequestPdf;

export const followRequest = (id: string): Promise<Outcome<undefined>> =>
  call(apiPaths.agentRequestAction(id, "follow"), "POST", undefined, {});

export const transferRequest = (id: string, toStaffId: string): Promise<Outcome<undefined>> =>
  call(apiPaths.agentRequestAction(id, "transfer"), "POST", undefined, { toStaffId });

export const changeStatus = (id: string, body: StatusBody): Promise<Outcome<unknown>> =>
  call(apiPaths.agentRequestAction(id, "status"), "POST", v.unknown(), body);

export const addNote = (id: string, text: string): Promise<Outcome<undefined>> =>
  call(apiPaths.agentRequestAction(id, "notes"), "POST", undefined, { text });

export const askCitizen = (id: string, body: AskCitizenBody): Promise<Outcome<undefined>> =>
  call(apiPaths.agentRequestAction(id, "ask"), "POST", undefined, body);

/** A message to the citizen; with files, as a form (shared/api/message-attachments.ts). */
export function sendMessage(
  id: string,
  text: string,
  files: readonly File[] = [],
): Promise<Outcome<undefined>> {
  if (files.length === 0)
    return call(apiPaths.agentRequestAction(id, "messages"), "POST", undefined, { text });
  const form = new FormData();
  form.set("text", text);
  for (const file of files) form.append("files", file, file.name);
  return call(apiPaths.agentRequestAction(id, "messages"), "POST", undefined, form);
}

export const agentAttachmentPath = apiPaths.agentRequestAttachment;

/** The procedure's agents by name, to hand a request or a queue to. */
export async function agentColleagues(flowId: string): Promise<Outcome<ColleaguesView>> {
  const answer = await call(apiPaths.agentColleagues(flowId), "GET", ColleaguesSchema);
  return answer.ok ? { ok: true, value: answer.value.colleagues } : answer;
}

/** Assigns the filtered queue (the API's query string) to one agent; the answer says how many. */
export async function bulkAssign(
  flowId: string,
  queue: QueueNameView,
  search: string,
  toStaffId: string,
): Promise<Outcome<number>> {
  const answer = await call(
    `${apiPaths.agentQueueAssign(flowId, queue)}${search ? `?${search}` : ""}`,
    "POST",
    BulkAssignAnswerSchema,
    { toStaffId },
  );
  return answer.ok ? { ok: true, value: answer.value.assigned } : answer;
}

/** A request's audit trail, for a supervisor of its procedure. */
export async function agentAudit(id: string): Promise<Outcome<AuditRowView[]>> {
  const answer = await call(apiPaths.agentRequestAudit(id, "json"), "GET", AuditAnswerSchema);
  return answer.ok ? { ok: true, value: answer.value.entries } : answer;
}

/** Where the audit trail downloads as CSV (a link: the browser saves it). */
export const agentAuditCsvPath = (id: string) => apiPaths.agentRequestAudit(id, "csv");
