/**
 * A crash in the middle of recording leaves nothing: the transaction is stopped after each of
 * its writes in turn (a test hook in the repository), then, harder, the server process is
 * killed at that point. Either way no request, document link or reference number is kept, and
 * the same request sent again is recorded whole.
 */
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RecordStep } from "../../../src/server/db/submissions-repository";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { uploadDocumentsOf } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const ROOT = resolve(import.meta.dirname, "../../..");

describe.each(DATABASES)("a crash while recording on %s", (database) => {
  let server: TestServer;
  let failAt: RecordStep | undefined;
  beforeAll(async () => {
    server = await startTestServer(database, {
      hooks: {
        afterWrite(step) {
          if (step === failAt) throw new Error(`injected failure after ${step}`);
        },
      },
    });
  });
  afterAll(() => server.close());

  async function validBody() {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const uploaded = await uploadDocumentsOf(server.app, "bourse-scolaire", answers, { size: 1024 });
    return { flowId: "bourse-scolaire", flowVersion: 1, ...uploaded };
  }

  async function counts() {
    const db = server.services.database.db;
    const count = async (table: "submissions" | "submission_documents" | "reference_sequences") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const sequence = await db
      .selectFrom("reference_sequences")
      .select("last_value")
      .where("prefix", "=", "BS")
      .executeTakeFirst();
    return {
      submissions: await count("submissions"),
      documents: await count("submission_documents"),
      lastNumber: sequence?.last_value ?? 0,
    };
  }

  it.each(["documents", "reference", "submission"] as const)(
    "keeps nothing when the transaction fails after writing the %s, and the server keeps running",
    async (step) => {
      const before = await counts();
      const id = newId();
      const body = await validBody();
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      failAt = step;
      const response = await putSubmission(server.app, id, body);
      failAt = undefined;
      expect(response.status).toBe(500);
      const error = await errorOf(response);
      expect(error).toEqual({ code: "internal_error", message: expect.stringMatching(/^Le serveur/) });
      // Logged without the body: no answer, no name, no document id.
      const log = logged.mock.calls.flat().join(" ");
      logged.mockRestore();
      expect(log).toContain(`injected failure after ${step}`);
      for (const secret of ["Léa", "Martin", body.documents[0]?.uploadId ?? "-", id])
        expect(log).not.toContain(secret);

      expect(await counts()).toEqual(before);
      expect((await server.app.request(`/api/submissions/${id}`)).status).toBe(404);

      // The client sends it again: recorded whole, with the next number.
      const retry = await putSubmission(server.app, id, body);
      expect(retry.status).toBe(201);
      const { reference } = (await retry.json()) as { reference: string };
      expect(Number(reference.slice(-6))).toBe(before.lastNumber + 1);
      expect(await counts()).toEqual({
        submissions: before.submissions + 1,
        documents: before.documents + body.documents.length,
        lastNumber: before.lastNumber + 1,
      });
    },
  );

  it("keeps nothing when the server process is killed in the middle of the transaction", async () => {
    const before = await counts();
    const body = await validBody();
    const id = newId();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/unit/server/support/die-while-recording.ts"],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          CRASH_DATA_DIR: server.dataDir,
          CRASH_DATABASE: database,
          CRASH_SUBMISSION: JSON.stringify({ id, body }),
          ...schemaEnv(),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const signal = await new Promise<NodeJS.Signals | null>((done) =>
      child.on("exit", (_code, sig) => done(sig)),
    );
    expect(output).toContain("inside the transaction");
    expect(signal).toBe("SIGKILL");
    expect(await counts()).toEqual(before);
    const retry = await putSubmission(server.app, id, body);
    expect(retry.status).toBe(201);
  }, 30_000);

  /** The child opens the same database: the same SQLite file, or the same PostgreSQL schema. */
  function schemaEnv(): Record<string, string> {
    const schema = server.database.options.schema;
    return schema ? { CRASH_SCHEMA: schema } : {};
  }
});
