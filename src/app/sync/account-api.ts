/**
 * The account's side of the API: signing in with a code or NC Connect, the account page, its
 * sessions. Answers are read with the shared schemas; an error answer becomes an AccountApiError
 * carrying the contract's code, which the pages turn into a sentence from locales/.
 */
import * as v from "valibot";
import {
  type Account,
  AccountSchema,
  type AccountSession,
  type CodeSent,
  CodeSentSchema,
  SessionsSchema,
  type SignedOut,
  SignedOutSchema,
  type SignInOptions,
  SignInOptionsSchema,
} from "../../shared/api/account";
import {
  AccountRequestsSchema,
  type AttachedRequests,
  AttachedRequestsSchema,
  type AttachRequests,
  RequestStatusSchema,
  type RequestStatusView,
} from "../../shared/api/account-requests";
import { type ApiErrorCode, apiErrorOf } from "../../shared/api/error-codes";
import { apiPaths } from "../../shared/api/paths";
import { setSignedInHint } from "./signed-in-hint";

export class AccountApiError extends Error {
  override readonly name = "AccountApiError";
  constructor(
    /** A code of the contract, or "network" when the server could not be reached. */
    readonly code: ApiErrorCode | "network",
    readonly triesLeft?: number,
    /** With `draft_conflict`: the server's copy of the draft, unparsed (account-drafts-api.ts reads it). */
    readonly draft?: unknown,
  ) {
    super(code);
  }
}

/** Full-page navigations, not fetches: the browser goes to NC Connect and comes back. */
export const ncConnectStartUrl = apiPaths.oidcStart;
export const accountDataUrl = apiPaths.accountData;

/** One call to an account's route; account-drafts-api.ts shares it. */
export async function call<T>(
  path: string,
  schema: v.GenericSchema<unknown, T> | undefined,
  init: RequestInit = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(init.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch {
    throw new AccountApiError("network");
  }
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = apiErrorOf(body);
    if (error?.code === "not_signed_in") void signedOutHere();
    throw new AccountApiError(error?.code ?? "internal_error", error?.triesLeft, error?.draft);
  }
  return schema ? v.parse(schema, body) : (undefined as T);
}

const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

export const fetchSignInOptions = (): Promise<SignInOptions> =>
  call(apiPaths.signInOptions, SignInOptionsSchema);

export const requestCode = (address: string, language: "fr" | "en"): Promise<CodeSent> =>
  call(apiPaths.signInCode, CodeSentSchema, post({ address, language }));

export async function checkCode(attemptId: string, code: string): Promise<Account> {
  const account = await call(apiPaths.signInCodeCheck, AccountSchema, post({ attemptId, code }));
  setSignedInHint(true);
  return account;
}

/** The account, or undefined when this browser is not (or no longer) signed in. */
export async function fetchAccount(): Promise<Account | undefined> {
  try {
    const account = await call(apiPaths.account, AccountSchema);
    setSignedInHint(true);
    return account;
  } catch (error) {
    if (error instanceof AccountApiError && error.code === "not_signed_in") return undefined;
    throw error;
  }
}

export const fetchSessions = async (): Promise<AccountSession[]> =>
  (await call(apiPaths.accountSessions, SessionsSchema)).sessions;

export const closeSession = (id: string): Promise<void> =>
  call(apiPaths.accountSession(id), undefined, { method: "DELETE" });

/**
 * Signed out (here, or from another device as a 401 tells): the header says so, and what this
 * device only knew through the account (the requests it lists, which drafts were the account's)
 * goes — the account's drafts included —, so a shared computer does not keep it. Settles once it is gone.
 */
function signedOutHere(): Promise<void> {
  setSignedInHint(false);
  const forget = (work: () => Promise<void>) => work().catch(() => undefined);
  return Promise.all([
    forget(() => import("../storage/account-requests").then((storage) => storage.forgetAccountRequests())),
    // Through the owner of open sessions: a draft open in this tab must stop writing first.
    forget(() => import("../wizard/draft-sessions").then((sessions) => sessions.dropAccountDrafts())),
  ]).then(() => undefined);
}

/** "Vous êtes déconnecté" is said only once the device has forgotten the account's things. */
async function leaving(request: Promise<SignedOut>): Promise<SignedOut> {
  const answer = await request;
  await signedOutHere();
  return answer;
}

export const signOut = () => leaving(call(apiPaths.signOut, SignedOutSchema, { method: "POST" }));
export const signOutEverywhere = () =>
  leaving(call(apiPaths.signOutEverywhere, SignedOutSchema, { method: "POST" }));
export const deleteAccount = () => leaving(call(apiPaths.account, SignedOutSchema, { method: "DELETE" }));

/** The account's requests, from every device, newest first. */
export const fetchAccountRequests = async (): Promise<RequestStatusView[]> =>
  (await call(apiPaths.accountRequests, AccountRequestsSchema)).requests;

/** Attaches the requests this device sent without an account, proven by their receipts. */
export const attachRequests = (requests: AttachRequests["requests"]): Promise<AttachedRequests> =>
  call(apiPaths.accountRequestsAttach, AttachedRequestsSchema, post({ requests }));

/** One request's status: its owner's session, or its id for one sent without an account. */
export const fetchRequestStatus = (id: string): Promise<RequestStatusView> =>
  call(apiPaths.requestStatus(id), RequestStatusSchema);
