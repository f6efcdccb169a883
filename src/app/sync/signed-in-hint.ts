/**
 * Whether this browser believes it is signed in, for the header's link on every page. The
 * session cookie is HttpOnly (scripts cannot read it), and asking the server on every page would
 * cost the first page a request: the hint is set at sign-in, cleared at sign-out, and corrected
 * by any answer of the account API (a 401 means signed out, from another device for instance).
 */
import { useEffect, useState } from "preact/hooks";

const STORAGE_KEY = "pas-a-pas.signed-in";
const CHANGED = "pas-a-pas:signed-in";

export function isSignedInHint(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

export function setSignedInHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(STORAGE_KEY, "1");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the header only says "Se connecter", the account page still knows.
  }
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls back when this tab or another one signs in or out. */
export function onSignedInHintChange(listener: () => void): () => void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener("storage", listener);
  return () => {
    window.removeEventListener(CHANGED, listener);
    window.removeEventListener("storage", listener);
  };
}

/** Re-renders when this tab or another one signs in or out. */
export function useSignedInHint(): boolean {
  const [signedIn, setSignedIn] = useState(isSignedInHint);
  useEffect(() => onSignedInHintChange(() => setSignedIn(isSignedInHint())), []);
  return signedIn;
}
