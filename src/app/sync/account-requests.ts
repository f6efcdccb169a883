/**
 * The requests that follow the person, between the server and the device: the account's list
 * fetched into the device's storage ("Mes démarches" reads it offline afterwards), one receipt's
 * status, and attaching the requests this device sent without an account. Pages call these and
 * read the device; nothing here throws at them: offline, or signed out, the device's copy stays.
 */
import { ATTACH_LIMIT } from "../../shared/api/account-requests";
import {
  forgetAccountRequests,
  keepAccountRequests,
  keepStanding,
  markAttached,
} from "../storage/account-requests";
import type { RequestRecord } from "../storage/requests";
import {
  AccountApiError,
  attachRequests,
  fetchAccount,
  fetchAccountRequests,
  fetchRequestStatus,
} from "./account-api";
import { isSignedInHint } from "./signed-in-hint";

/** Fetches the account's list into the device; false when it could not (offline, signed out). */
export async function refreshAccountRequests(): Promise<boolean> {
  if (!isSignedInHint()) return false;
  try {
    const account = await fetchAccount();
    if (!account) {
      await forgetAccountRequests();
      return false;
    }
    await keepAccountRequests(account.id, await fetchAccountRequests());
    return true;
  } catch {
    return false;
  }
}

/** Fetches one sent request's status into the device; false when the server could not say. */
export async function followRequest(request: RequestRecord): Promise<boolean> {
  if (request.status !== "sent") return false;
  try {
    await keepStanding(await fetchRequestStatus(request.id));
    return true;
  } catch {
    // Offline, or 404: the request is an account's and this browser is not signed in to it.
    return false;
  }
}

/** Attaches them to the signed-in account; resolves to how many were attached and refused. */
export async function attachDeviceRequests(
  requests: readonly RequestRecord[],
): Promise<{ attached: number; refused: number }> {
  const account = await fetchAccount();
  if (!account) throw new AccountApiError("not_signed_in");
  const { results } = await attachRequests(
    requests
      .flatMap((r) => (r.reference ? [{ id: r.id, reference: r.reference }] : []))
      .slice(0, ATTACH_LIMIT),
  );
  await markAttached(
    account.id,
    results.map((result) => ({ id: result.id, attached: result.outcome !== "refused" })),
  );
  return {
    attached: results.filter((r) => r.outcome !== "refused").length,
    refused: results.filter((r) => r.outcome === "refused").length,
  };
}
