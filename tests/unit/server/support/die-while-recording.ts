/**
 * Run by recording-crash.test.ts in its own process: opens the test's database, starts recording
 * a request, and kills itself with SIGKILL (no cleanup, no rollback by us) right after the
 * submission row is written inside the transaction.
 */
import { join } from "node:path";
import { createApp } from "../../../../src/server/app";
import { DEFAULT_DIST_DIR, DEFAULT_MAX_BODY_BYTES } from "../../../../src/server/config";
import { openServices } from "../../../../src/server/services";

const dataDir = process.env.CRASH_DATA_DIR ?? "";
const { id, body } = JSON.parse(process.env.CRASH_SUBMISSION ?? "{}") as { id: string; body: unknown };
const postgresUrl = process.env.TEST_DATABASE_URL ?? "";
const services = await openServices(
  {
    dataDir,
    maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
    database:
      process.env.CRASH_DATABASE === "PostgreSQL"
        ? { kind: "postgres", url: postgresUrl }
        : { kind: "sqlite", file: join(dataDir, "test.sqlite") },
  },
  {
    database: process.env.CRASH_SCHEMA ? { schema: process.env.CRASH_SCHEMA } : {},
    hooks: {
      afterWrite(step) {
        if (step !== "submission") return;
        console.log("inside the transaction: killing the process");
        process.kill(process.pid, "SIGKILL");
      },
    },
  },
);
await createApp({ distDir: DEFAULT_DIST_DIR }, services).request(`/api/submissions/${id}`, {
  method: "PUT",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});
console.log("the request finished: the process was not killed");
