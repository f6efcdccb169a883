/**
 * Where to go once signed in, from `/connexion?retour=/<address>` (a hand-off's QR code). Only an
 * address of this app, never another site (`//elsewhere`, `/\elsewhere`). NC Connect comes back
 * to "Mon espace" through the server, so the address waits in this tab's sessionStorage meanwhile.
 */
const KEY = "pas-a-pas.return-after-sign-in";
const OWN_ADDRESS = /^\/(?![/\\])/;

export function returnAddress(): string | undefined {
  const wanted = new URLSearchParams(window.location.search).get("retour") ?? "";
  return OWN_ADDRESS.test(wanted) ? wanted : undefined;
}

/** Leaving for NC Connect: the address is kept for "Mon espace" to follow on the way back. */
export function keepReturnAddress(): void {
  const then = returnAddress();
  try {
    if (then) sessionStorage.setItem(KEY, then);
  } catch {
    // Storage refused: the person lands on "Mon espace" and opens the draft from the list.
  }
}

/** Back from NC Connect, signed in: the address kept before leaving, once. */
export function takeReturnAddress(): string | undefined {
  try {
    const then = sessionStorage.getItem(KEY) ?? "";
    sessionStorage.removeItem(KEY);
    return OWN_ADDRESS.test(then) ? then : undefined;
  } catch {
    return undefined;
  }
}
