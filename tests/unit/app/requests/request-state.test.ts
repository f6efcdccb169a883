import { describe, expect, it } from "vitest";
import { requestState } from "../../../../src/app/requests/request-state";
import type { RequestRecord } from "../../../../src/app/storage/requests";

const ready: RequestRecord = {
  id: "33333333-aaaa-4000-8000-000000000003",
  flowId: "aide-medicale",
  flowVersion: 1,
  answers: {},
  createdAt: "2026-11-30T05:00:00.000Z",
  provisionalReference: "3333-3333",
  status: "ready",
};

describe("where a request stands", () => {
  it("is still 'sending' between the server's answer and the device's record read again", () => {
    expect(requestState(ready, { state: "sent", reference: "AM-2026-000001" }, true)).toEqual({
      kind: "sending",
    });
    expect(requestState(ready, { state: "problem", code: "invalid_answers" }, true)).toEqual({
      kind: "sending",
    });
  });

  it("says the document being sent, or waits for the network, or tries again by itself", () => {
    const progress = { documentsDone: 1, documentsTotal: 4, current: 0.5 };
    expect(requestState(ready, { state: "sending", progress }, true)).toEqual({
      kind: "sending",
      document: { done: 2, count: 4, percent: 50 },
    });
    expect(requestState(ready, undefined, false)).toEqual({ kind: "waiting-network" });
    expect(requestState(ready, { state: "waiting" }, true)).toEqual({ kind: "retrying" });
  });

  it("is sent once the device's record says so", () => {
    const sent = { ...ready, status: "sent" as const, receivedAt: "2026-11-30T05:01:00.000Z" };
    expect(requestState(sent, undefined, true)).toEqual({
      kind: "sent",
      receivedAt: new Date("2026-11-30T05:01:00.000Z"),
    });
  });
});
