/**
 * Staff accounts for tests: made through the staff domain as `npm run staff -- add` makes them,
 * and signed in through the API as the staff pages do (password, then a TOTP code).
 */
import type { Hono } from "hono";
import type { ApiServices } from "../../src/server/services";
import { currentTotpCode } from "../../src/server/staff/totp";
import type { StaffRole } from "../../src/shared/staff-roles";

export const STAFF_COOKIE = "__Host-pas-staff";
const PENDING_COOKIE = "__Host-pas-staff-pending";

export interface TestStaffAccount {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  /** Known once `staffSignIn` has set TOTP up (the first sign-in does); an authenticator app's copy. */
  totpSecret: string | undefined;
}

let made = 0;

/** The last TOTP step each account used: a second sign-in within 30 seconds takes the next step's code. */
const lastSteps = new WeakMap<TestStaffAccount, number>();

function nextCode(account: TestStaffAccount, secret: string, now: Date): string {
  const step = Math.max(Math.floor(now.getTime() / 30_000), (lastSteps.get(account) ?? 0) + 1);
  if (step > Math.floor(now.getTime() / 30_000) + 1)
    throw new Error("staffSignIn: three sign-ins of one account within 30 seconds; move the clock on");
  lastSteps.set(account, step);
  return currentTotpCode(secret, new Date(step * 30_000 + 1000));
}

export async function createStaffAccount(
  services: Pick<ApiServices, "staff">,
  account: { email: string; roles: readonly StaffRole[]; procedures?: readonly string[]; name?: string },
): Promise<TestStaffAccount> {
  made += 1;
  const password = `correct horse battery ${made} ${Math.random().toString(36).slice(2)}`;
  const added = await services.staff.accounts.add({
    email: account.email,
    name: account.name ?? "Agent de test",
    password,
    roles: account.roles,
    procedures: account.procedures ?? [],
  });
  if (!added.ok) throw new Error(`createStaffAccount: ${added.problem}`);
  return { id: added.id, email: account.email, password, totpSecret: undefined };
}

/** An app to call with app.request(), or a running server's base URL. */
export type StaffTarget = Hono | string;

async function post(target: StaffTarget, path: string, body: unknown, cookie?: string): Promise<Response> {
  const init = {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  };
  return typeof target === "string" ? fetch(new URL(path, target), init) : target.request(path, init);
}

export function cookieOf(response: Response, name: string): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    if (pair.slice(0, at) === name) return pair.slice(at + 1) || undefined;
  }
  return undefined;
}

/**
 * Signs the account in and returns the Cookie header of its staff session. At the first sign-in
 * this sets TOTP up and keeps the secret on `account`. `now` gives the code's time (a test clock).
 */
export async function staffSignIn(
  target: StaffTarget,
  account: TestStaffAccount,
  now: () => Date = () => new Date(),
): Promise<string> {
  const passed = await post(target, "/api/staff/sign-in", {
    email: account.email,
    password: account.password,
  });
  if (passed.status !== 200) throw new Error(`staff sign-in: password answered ${passed.status}`);
  const answer = (await passed.json()) as { next: string; otpauthUrl?: string };
  if (answer.next === "totp-setup")
    account.totpSecret = new URL(answer.otpauthUrl ?? "").searchParams.get("secret") ?? "";
  if (!account.totpSecret) throw new Error("staff sign-in: no TOTP secret known for this account");
  const pending = cookieOf(passed, PENDING_COOKIE);
  const coded = await post(
    target,
    "/api/staff/sign-in/totp",
    { code: nextCode(account, account.totpSecret, now()) },
    `${PENDING_COOKIE}=${pending}`,
  );
  if (coded.status !== 200) throw new Error(`staff sign-in: code answered ${coded.status}`);
  return `${STAFF_COOKIE}=${cookieOf(coded, STAFF_COOKIE)}`;
}
