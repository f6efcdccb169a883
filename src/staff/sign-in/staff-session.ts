/**
 * Who is signed in on the staff pages, for every page: asked of the server when the app starts,
 * set by the sign-in, dropped by the sign-out or by any answer saying the session has ended.
 */
import { useEffect, useState } from "preact/hooks";
import { navigate } from "../../app/routing/router";
import type { StaffMe } from "../../shared/api/staff";
import { currentStaff, onSignInRequired, signOut } from "../api/staff-api";
import { staffPaths } from "../routing/staff-routes";

/** Why the sign-in page shows: the session ended by itself or elsewhere, or the person signed out. */
export type SignedOutReason = "ended" | "signed-out";

export type StaffSession =
  | { readonly status: "checking" }
  | { readonly status: "unreachable" }
  | { readonly status: "signed-out"; readonly reason?: SignedOutReason }
  | { readonly status: "signed-in"; readonly me: StaffMe };

let session: StaffSession = { status: "checking" };
const listeners = new Set<(session: StaffSession) => void>();
/** The page the person was on when asked to sign in, to come back to. */
let returnTo: string | undefined;

function set(next: StaffSession): void {
  session = next;
  for (const listener of listeners) listener(next);
}

export function useStaffSession(): StaffSession {
  const [now, setNow] = useState(session);
  useEffect(() => {
    listeners.add(setNow);
    setNow(session);
    return () => void listeners.delete(setNow);
  }, []);
  return now;
}

export async function startStaffSession(): Promise<void> {
  onSignInRequired(() => {
    if (session.status !== "signed-in") return;
    returnTo = window.location.pathname;
    set({ status: "signed-out", reason: "ended" });
    navigate(staffPaths.signIn, { replace: true });
  });
  const me = await currentStaff();
  if (me.ok) set({ status: "signed-in", me: me.value });
  else set(me.problem === "network" ? { status: "unreachable" } : { status: "signed-out" });
}

/** Remembers where to come back to, for a page opened signed out. */
export function askToSignIn(from: string): void {
  returnTo = from;
  navigate(staffPaths.signIn, { replace: true });
}

export function signedIn(me: StaffMe): string | undefined {
  set({ status: "signed-in", me });
  const back = returnTo;
  returnTo = undefined;
  return back;
}

export async function signOutStaff(): Promise<void> {
  const answer = await signOut();
  returnTo = undefined;
  // Signed in through the directory: its session ends too, or the next person at this screen
  // would be signed straight back in. The directory brings the browser back to the sign-in.
  if (answer.ok && answer.value.endSessionUrl) {
    window.location.assign(answer.value.endSessionUrl);
    return;
  }
  set({ status: "signed-out", reason: "signed-out" });
  navigate(staffPaths.signIn);
}
