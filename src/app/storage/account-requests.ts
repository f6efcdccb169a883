/**
 * What the server last said of the account's requests, kept on the device so "Mes démarches"
 * and the receipts read offline on the person's own phone. Requests sent from this device get
 * their standing; those sent from another device are kept as receipts of their own, marked
 * `fromAccount`, and forgotten when the account signs out here (a shared computer must not keep
 * another person's list).
 */
import { database } from "./database";
import { provisionalReference, type RequestRecord, type RequestStanding } from "./requests";

/** One request as the account lists it (the contract's RequestStatusView, kept to its needs). */
export interface AccountRequest {
  readonly id: string;
  readonly flowId: string;
  readonly flowVersion: number;
  readonly reference: string;
  readonly sentAt: string;
  readonly status: string;
  readonly statusChangedAt: string;
  readonly reason?: string;
  readonly exchangesAt?: string;
}

const standingOf = (request: AccountRequest): RequestStanding => ({
  status: request.status,
  changedAt: request.statusChangedAt,
  ...(request.reason ? { reason: request.reason } : {}),
  ...(request.exchangesAt ? { exchangesAt: request.exchangesAt } : {}),
});

function withStanding(record: RequestRecord, request: AccountRequest, accountId?: string): RequestRecord {
  return {
    ...record,
    status: "sent",
    reference: request.reference,
    receivedAt: request.sentAt,
    standing: standingOf(request),
    ...(accountId ? { accountId } : {}),
  };
}

/**
 * The account's whole list, as just fetched: each one's standing on the device, the other
 * devices' requests added, and those no longer listed (the account was deleted elsewhere, a
 * request released) dropped from what this device only knew through the account.
 */
export async function keepAccountRequests(accountId: string, requests: readonly AccountRequest[]) {
  const db = await database();
  const tx = db.transaction("requests", "readwrite");
  const listed = new Set(requests.map((request) => request.id));
  const writes: Promise<unknown>[] = requests.map(async (request) => {
    const stored = await tx.store.get(request.id);
    // A request of this device still in its outbox: the sender records its own receipt.
    if (stored && stored.status !== "sent") return;
    await tx.store.put(
      withStanding(
        stored ?? {
          id: request.id,
          flowId: request.flowId,
          flowVersion: request.flowVersion,
          answers: {},
          createdAt: request.sentAt,
          provisionalReference: provisionalReference(request.id),
          status: "sent",
          fromAccount: true,
        },
        request,
        accountId,
      ),
    );
  });
  for (const record of await tx.store.getAll())
    if (record.fromAccount && !listed.has(record.id)) writes.push(tx.store.delete(record.id));
  await Promise.all([...writes, tx.done]);
}

/** One request's standing, as its receipt just fetched it. */
export async function keepStanding(request: AccountRequest): Promise<void> {
  const db = await database();
  const tx = db.transaction("requests", "readwrite");
  const stored = await tx.store.get(request.id);
  await Promise.all([
    stored?.status === "sent" ? tx.store.put(withStanding(stored, request)) : undefined,
    tx.done,
  ]);
}

/** Sent from this device without an account, and never refused: what sign-in offers to attach. */
export async function requestsToAttach(): Promise<RequestRecord[]> {
  const db = await database();
  const sent = await db.getAllFromIndex("requests", "by-status", "sent");
  return sent.filter(
    (request) => request.reference && !request.accountId && !request.fromAccount && !request.attachRefused,
  );
}

/** The server's answer to attaching: each one now the account's, or not to be offered again. */
export async function markAttached(
  accountId: string,
  results: readonly { readonly id: string; readonly attached: boolean }[],
): Promise<void> {
  const db = await database();
  const tx = db.transaction("requests", "readwrite");
  const writes = results.map(async ({ id, attached }) => {
    const stored = await tx.store.get(id);
    if (!stored) return;
    await tx.store.put(attached ? { ...stored, accountId } : { ...stored, attachRefused: true });
  });
  await Promise.all([...writes, tx.done]);
}

/**
 * How many of the other devices' requests have an answer made here that the province does not
 * have yet: signing out takes them off this device (forgetAccountRequests), so it would lose it.
 */
export async function accountRequestsWithUnsentAnswers(): Promise<number> {
  const db = await database();
  const tx = db.transaction(["requests", "answers"]);
  let count = 0;
  for (const record of await tx.objectStore("requests").getAll()) {
    if (!record.fromAccount) continue;
    const answers = await tx.objectStore("answers").index("by-request").getAll(record.id);
    // A refused one ("problem") waits on the person, not on the network: nothing to send now.
    if (answers.some((answer) => answer.status === "ready")) count += 1;
  }
  await tx.done;
  return count;
}

/**
 * Signed out here: the other devices' requests go, with what the province said of them, the
 * files it joined, and the answers made here about them; this device's own receipts stay.
 */
export async function forgetAccountRequests(): Promise<void> {
  const db = await database();
  const tx = db.transaction(["requests", "exchanges", "answers", "message-files"], "readwrite");
  const requests = tx.objectStore("requests");
  const answers = tx.objectStore("answers");
  const files = tx.objectStore("message-files");
  const writes: Promise<unknown>[] = [];
  for (const record of await requests.getAll())
    if (record.fromAccount) {
      writes.push(requests.delete(record.id), tx.objectStore("exchanges").delete(record.id));
      for (const key of await answers.index("by-request").getAllKeys(record.id))
        writes.push(answers.delete(key));
      for (const key of await files.index("by-request").getAllKeys(record.id)) writes.push(files.delete(key));
    }
  await Promise.all([...writes, tx.done]);
}
