/**
 * A property-based fuzz of every API route: the routes are read from the app itself, so a route
 * added later (accounts, back office…) is fuzzed without editing this file. Each run sends one
 * request built from a route, a method, headers and a body drawn by fast-check (valid-looking,
 * broken and hostile alike) and checks what any client may rely on: never a 5xx, every error in
 * the JSON contract with a known code, memory that does not climb, a server still healthy.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ERROR_CODES, apiErrorOf } from "../../../src/shared/api/error-codes";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { TUS, uploadMetadata } from "./support/documents";
import { example } from "./support/examples";
import { startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const RUNS = 600;
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** Growth allowed over the whole run: a leak per request (or an amplified answer kept) shows far above it. */
const MAX_HEAP_GROWTH_BYTES = 150 * 1024 * 1024;

interface Route {
  readonly method: string;
  readonly path: string;
}

/** The API's routes, as the app registered them; a catch-all is sent a path under it. */
function apiRoutes(server: TestServer): Route[] {
  const routes = server.app.routes
    .filter((route) => route.path.startsWith("/api/"))
    .map((route) => ({ method: route.method, path: route.path.replace(/\/\*$/, "/anything") }));
  return [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
}

/** Mostly the method the route was made for, so requests reach its handler, sometimes any other. */
const methodFor = (route: Route) =>
  route.method === "ALL"
    ? fc.constantFrom(...METHODS)
    : fc.oneof(
        { weight: 4, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      );

const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  fc.string({ maxLength: 40 }),
  fc.constantFrom("..", "%2e%2e", "%00", "a".repeat(300), "00000000-0000-0000-0000-000000000000"),
);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const valid = example("bourse-scolaire", "eligible-one-child");

const submissionLike = fc.record(
  {
    flowId: fc.oneof(fc.constantFrom("bourse-scolaire", "aide-medicale"), fc.string()),
    flowVersion: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    answers: fc.oneof(
      fc.constant(valid.answers),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 30 }),
      fc.integer({ min: 1, max: 200 }).map(nested),
    ),
    documents: fc.oneof(
      fc.constant([]),
      fc.array(
        fc.record({ fieldId: fc.string(), uploadId: fc.uuid(), sha256: fc.string(), size: fc.integer() }),
        {
          maxLength: 5,
        },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: [] },
);

const submissionText = (answers: string) =>
  `{"flowId":"bourse-scolaire","flowVersion":1,"documents":[],"answers":${answers}}`;

const body = fc.oneof(
  fc.constant(undefined),
  { weight: 3, arbitrary: submissionLike.map((value) => JSON.stringify(value)) },
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }),
  // The probe's hostile shapes: answers nested thousands deep, and tens of thousands of unknown keys.
  fc
    .integer({ min: 30, max: 12_000 })
    .map((depth) => submissionText(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`)),
  fc
    .integer({ min: 100, max: 30_000 })
    .map((keys) => submissionText(`{${Array.from({ length: keys }, (_, i) => `"k${i}":1`).join(",")}}`)),
);

const header = (name: string, values: fc.Arbitrary<string>) =>
  fc.option(
    values.map((value) => [name, value] as const),
    { nil: undefined },
  );

const headers = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(["Content-Type", "application/json"] as const) },
      header(
        "Content-Type",
        fc.constantFrom("application/offset+octet-stream", "text/plain", "multipart/form-data"),
      ),
    ),
    header("Tus-Resumable", fc.constantFrom("1.0.0", "0.2", "")),
    header("Upload-Length", fc.oneof(fc.nat().map(String), fc.constantFrom("-1", "1e9", "x", "99999999999"))),
    header("Upload-Offset", fc.oneof(fc.nat({ max: 10_000 }).map(String), fc.constantFrom("-5", "y"))),
    header(
      "Upload-Metadata",
      fc.oneof(fc.string(), fc.constant("flowId Ym91cnNlLXNjb2xhaXJl,fieldId cmliRmlsZQ==")),
    ),
    header("Upload-Concat", fc.constantFrom("partial", "final;/api/uploads/a")),
    header("Upload-Defer-Length", fc.constant("1")),
    header("If-None-Match", fc.string({ maxLength: 20 })),
  )
  .map((pairs) => Object.fromEntries(pairs.filter((pair) => pair !== undefined)));

describe.each(DATABASES)("every API route under random requests, on %s", (database) => {
  let server: TestServer;
  /** A real unfinished upload's address (with its key), so PATCH, HEAD and DELETE reach past the key check. */
  let knownUpload: string;
  beforeAll(async () => {
    server = await startTestServer(database);
    const created = await server.app.request("/api/uploads", {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Length": "4096",
        "Upload-Metadata": uploadMetadata({
          flowId: "bourse-scolaire",
          fieldId: "ribFile",
          filetype: "application/pdf",
        }),
      },
    });
    expect(created.status).toBe(201);
    knownUpload = created.headers.get("Location") ?? "";
  });
  afterAll(() => server.close());

  it(`never answers a 5xx nor leaves the error contract (${RUNS} requests)`, async () => {
    const routes = apiRoutes(server);
    expect(routes.map((route) => route.path)).toEqual(
      expect.arrayContaining([
        "/api/submissions/:id",
        "/api/uploads",
        "/api/uploads/:id",
        "/api/posts",
        "/api/posts/:id",
        "/api/post",
        "/api/post/activity",
        "/api/post/end",
        "/api/post/help",
        "/api/post/receipt",
        "/api/mediation/board",
        "/api/mediation/events",
        "/api/mediation/calls/:id/take",
        "/api/mediation/calls/:id/close",
        "/api/mediation/statistics",
        "/api/handoffs",
        "/api/handoffs/:locator",
        "/api/agents/procedures/:flowId/queues/:queue",
        "/api/agents/procedures/:flowId/queues/:queue/export",
        "/api/agents/procedures/:flowId/queues/:queue/assign",
        "/api/agents/requests/:id",
        "/api/agents/requests/:id/documents/:uploadId",
        "/api/agents/requests/:id/archive.pdf",
        "/api/agents/requests/:id/audit",
        "/api/agents/requests/:id/status",
        "/api/agents/requests/:id/ask",
        "/api/submissions/:id/exchanges",
        "/api/submissions/:id/tasks/:taskId/answer",
        "/api/submissions/:id/messages",
      ]),
    );
    const heapBefore = process.memoryUsage().heapUsed;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((route) => fc.tuple(fc.constant(route.path), methodFor(route))),
        fc.array(parameter, { minLength: 3, maxLength: 3 }),
        headers,
        body,
        fc.boolean(),
        async ([pattern, method], values, requestHeaders, requestBody, toKnownUpload) => {
          let i = 0;
          const path =
            toKnownUpload && pattern.startsWith("/api/uploads/")
              ? knownUpload
              : pattern.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++] ?? ""));
          const withBody = method !== "GET" && method !== "HEAD" && requestBody !== undefined;
          sent++;
          const response = await server.app.request(path, {
            method,
            headers: requestHeaders,
            ...(withBody ? { body: requestBody } : {}),
          });
          expect(response.status, `${method} ${pattern}`).toBeLessThan(500);
          const text = await response.text();
          if (response.status < 400 || method === "HEAD") return;
          expect(response.headers.get("Content-Type"), `${method} ${pattern}`).toMatch(/^application\/json/);
          const error = apiErrorOf(JSON.parse(text));
          expect(error, `${method} ${pattern}: ${text.slice(0, 200)}`).toBeDefined();
          expect(API_ERROR_CODES).toContain(error?.code);
        },
      ),
      { numRuns: RUNS, interruptAfterTimeLimit: 45_000 },
    );
    console.info(`API fuzz on ${database}: ${sent} requests sent to ${routes.length} routes`);
    expect(sent).toBeGreaterThanOrEqual(RUNS / 2);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    const health = await server.app.request("/api/health");
    expect(health.status).toBe(200);
  }, 60_000);
});
