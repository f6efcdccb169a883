import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app";
import { DEFAULT_MAX_BODY_BYTES } from "../../../src/server/config";
import { isTransientFailure, retryTransient } from "../../../src/server/db/transient-failure";
import { type ApiServices, openServices } from "../../../src/server/services";
import type { SubmissionBody } from "../../../src/shared/api/submission";
import { createDistFixture } from "./dist-fixture";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { uploadDocumentsOf } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

describe.each(DATABASES)(
  "two servers on one %s database, writing requests that share uploads",
  (database) => {
    let server: TestServer;
    let other: ApiServices;
    let otherApp: Hono;
    const dist = createDistFixture();
    beforeAll(async () => {
      server = await startTestServer(database);
      // A second process: its own pool and write queue, the same database and documents.
      other = await openServices(
        { dataDir: server.dataDir, database: server.database.config, maxBodyBytes: DEFAULT_MAX_BODY_BYTES },
        { database: server.database.options },
      );
      otherApp = createApp({ distDir: dist.distDir }, other);
    });
    afterAll(async () => {
      await other.close();
      await server.close();
      dist.remove();
    });

    it("records one of each pair sent to both at once in opposite orders, and refuses the other plainly", async () => {
      const { answers } = example("bourse-scolaire", "eligible-one-child");
      const pairs = 30;
      const bodies: SubmissionBody[] = [];
      for (let i = 0; i < pairs; i++)
        bodies.push({
          flowId: "bourse-scolaire",
          flowVersion: 1,
          ...(await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 1024 })),
        });
      // One pair at a time, so that each server's transaction holds just that request, and the two
      // transactions run side by side (as the probe that found 6 deadlocks in 30 pairs sent them).
      const responses: Response[] = [];
      for (const body of bodies)
        responses.push(
          ...(await Promise.all([
            putSubmission(server.app, newId(), body),
            putSubmission(otherApp, newId(), { ...body, documents: [...body.documents].reverse() }),
          ])),
        );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      for (let i = 0; i < pairs; i++) {
        const pair = [responses[2 * i], responses[2 * i + 1]] as Response[];
        expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
        const refused = pair.find((r) => r.status === 409) as Response;
        expect((await errorOf(refused)).code).toBe("document_in_use");
      }
    }, 60_000);
  },
);

describe("a transaction PostgreSQL gave up", () => {
  const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });

  it("is run again after a deadlock or a serialization failure, and succeeds", async () => {
    for (const code of ["40P01", "40001"]) {
      let attempts = 0;
      const result = await retryTransient(async () => {
        attempts++;
        if (attempts < 3) throw failure(code);
        return "recorded";
      });
      expect({ code, result, attempts }).toEqual({ code, result: "recorded", attempts: 3 });
    }
  });

  it("fails after a few attempts, and at once for any other error", async () => {
    let attempts = 0;
    await expect(
      retryTransient(async () => {
        attempts++;
        throw failure("40P01");
      }),
    ).rejects.toThrow("40P01");
    expect(attempts).toBe(4);
    attempts = 0;
    await expect(
      retryTransient(async () => {
        attempts++;
        throw failure("23505");
      }),
    ).rejects.toThrow("23505");
    expect(attempts).toBe(1);
    expect(isTransientFailure(new Error("no code"))).toBe(false);
  });
});
