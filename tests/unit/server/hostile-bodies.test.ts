import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, MAX_JSON_VALUES } from "../../../src/server/api/json-shape";
import { MAX_REPORTED_FIELDS } from "../../../src/server/requests/reported-fields";
import { apiErrorOf } from "../../../src/shared/api/error-codes";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

describe.each(DATABASES)("bodies shaped to hurt the server, on %s", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  const body = (answers: string) =>
    `{"flowId":"bourse-scolaire","flowVersion":1,"documents":[],"answers":${answers}}`;

  it("refuses answers nested 8,000 levels deep with 400 body_too_complex, not a 500", async () => {
    const response = await putSubmission(server.app, newId(), body(nested(8000)));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("body_too_complex");
    // Still serving.
    expect((await server.app.request("/api/health")).status).toBe(200);
  });

  it("draws the depth line where it says: one level past it is refused, at it is read", async () => {
    // The body object is the first level; the answers object the second.
    const over = await putSubmission(server.app, newId(), body(nested(MAX_JSON_DEPTH)));
    expect((await errorOf(over)).code).toBe("body_too_complex");
    const within = await putSubmission(server.app, newId(), body(nested(MAX_JSON_DEPTH - 1)));
    expect(within.status).toBe(422);
    expect((await errorOf(within)).code).toBe("invalid_answers");
  });

  it("refuses a body of more than 20,000 values before validating it", async () => {
    const items = Array.from({ length: MAX_JSON_VALUES }, () => "0").join(",");
    const response = await putSubmission(server.app, newId(), body(`{"children":[${items}]}`));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("body_too_complex");
  });

  it("lists 50 of 15,000 unknown answers and counts the rest, in a small answer", async () => {
    const { answers } = example("bourse-scolaire", "eligible-one-child");
    const extra = Object.fromEntries(Array.from({ length: 15_000 }, (_, i) => [`unknown${i}`, i]));
    const started = performance.now();
    const response = await putSubmission(server.app, newId(), body(JSON.stringify({ ...answers, ...extra })));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text.length).toBeLessThan(20_000);
    const error = apiErrorOf(JSON.parse(text));
    expect(error?.code).toBe("invalid_answers");
    expect(error?.fields).toHaveLength(MAX_REPORTED_FIELDS);
    // Documents the example names are missing too: at least the 15,000 unknown keys are counted.
    expect(error?.fieldsLeftOut).toBeGreaterThanOrEqual(15_000 - MAX_REPORTED_FIELDS);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("caps the fields of a malformed body too (400 invalid_body)", async () => {
    const documents = Array.from({ length: 400 }, () => ({ fieldId: "", uploadId: "x" }));
    const response = await putSubmission(server.app, newId(), {
      flowId: "bourse-scolaire",
      flowVersion: 1,
      answers: {},
      documents,
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("invalid_body");
    expect(error.fields).toHaveLength(MAX_REPORTED_FIELDS);
    expect((error as { fieldsLeftOut?: number }).fieldsLeftOut).toBeGreaterThan(0);
  });
});
