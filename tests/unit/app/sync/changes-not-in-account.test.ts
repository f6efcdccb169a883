// @vitest-environment happy-dom
import "fake-indexeddb/auto";
/**
 * Before signing out, the account page asks what signing out would lose. Signing out takes the
 * other devices' requests off this device with the answers made here about them, so an answer
 * the province does not have yet counts, as a draft's changes the account does not have do.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { forgetAccountRequests, keepAccountRequests } from "../../../../src/app/storage/account-requests";
import { markAnswerProblem, markAnswerSent } from "../../../../src/app/storage/answers";
import { answersOf, recordAnswer } from "../../../../src/app/storage/answers-of-request";
import { closeDatabase, DB_NAME } from "../../../../src/app/storage/database";
import { markSent } from "../../../../src/app/storage/requests";
import { changesNotInAccount } from "../../../../src/app/sync/changes-not-in-account";
import { finish, grantWebLocks, setOnline } from "../requests/device-requests";

const OWN = "aaaaaaaa-1111-4000-8000-000000000001";
const ELSEWHERE = "bbbbbbbb-2222-4000-8000-000000000002";

beforeAll(() => {
  grantWebLocks();
  // Offline: nothing can leave, so what waits stays waiting.
  setOnline(false);
});
afterEach(async () => {
  await closeDatabase();
  indexedDB.deleteDatabase(DB_NAME);
});

/** The account lists a request sent from another device, waiting on the person. */
const listElsewhere = () =>
  keepAccountRequests("account-1", [
    {
      id: ELSEWHERE,
      flowId: "bourse-scolaire",
      flowVersion: 1,
      reference: "BS-2026-000043",
      sentAt: new Date(2026, 2, 3).toISOString(),
      status: "awaiting_citizen",
      statusChangedAt: new Date(2026, 2, 4).toISOString(),
    },
  ]);

const answer = (requestId: string) =>
  recordAnswer({
    requestId,
    flowId: "bourse-scolaire",
    flowVersion: 1,
    taskId: "t1",
    documents: [],
    text: "Voici.",
  });

describe("what signing out now would lose", () => {
  it("counts another device's request with an answer made here and not yet sent", async () => {
    await finish(OWN, "bourse-scolaire", new Date(2026, 2, 2));
    await markSent(OWN, "BS-2026-000042", new Date(2026, 2, 3).toISOString());
    await listElsewhere();
    expect(await changesNotInAccount()).toBe(0);

    // This device's own request keeps its answers after signing out: nothing lost there.
    await answer(OWN);
    expect(await changesNotInAccount()).toBe(0);

    const waiting = await answer(ELSEWHERE);
    expect(await changesNotInAccount()).toBe(1);
    // Once the province has it, nothing is lost: signing out takes the request and its answers off.
    await markAnswerSent(waiting.clientId);
    expect(await changesNotInAccount()).toBe(0);
    await forgetAccountRequests();
    expect(await answersOf(ELSEWHERE)).toEqual([]);
    expect(await answersOf(OWN)).toHaveLength(1);
  });

  it("forgets an answer the province refused once the person sends its correction", async () => {
    await listElsewhere();
    const refused = await answer(ELSEWHERE);
    await markAnswerProblem(refused.clientId, "invalid_corrections");
    // Refused: it waits on the person, not on the network.
    expect(await changesNotInAccount()).toBe(0);
    const again = await recordAnswer(
      {
        requestId: ELSEWHERE,
        flowId: "bourse-scolaire",
        flowVersion: 1,
        taskId: "t1",
        documents: [],
        text: "Corrigé.",
      },
      refused.clientId,
    );
    expect((await answersOf(ELSEWHERE)).map((a) => a.clientId)).toEqual([again.clientId]);
    expect(await changesNotInAccount()).toBe(1);
  });
});
