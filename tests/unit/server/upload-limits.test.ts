/**
 * What one client may make the server store (issue 12, defect 2): uploads and bytes per hour,
 * bytes held in documents no request has taken, how long unclaimed documents stay, and the
 * free-disk guard that keeps requests whose documents are up recordable.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../../src/server/app";
import { DEFAULT_MAX_BODY_BYTES } from "../../../src/server/config";
import { removeExpiredUploads } from "../../../src/server/documents/expired-uploads";
import type { UploadLimits } from "../../../src/server/documents/upload-limits";
import { openServices } from "../../../src/server/services";
import type { SubmissionBody } from "../../../src/shared/api/submission";
import { createDistFixture } from "./dist-fixture";
import { DATABASES, reportSkippedPostgres } from "./support/databases";
import { documentBytes, TUS, uploadDocumentsOf, uploadMetadata, uploadWhole } from "./support/documents";
import { example } from "./support/examples";
import { errorOf, newId, putSubmission } from "./support/requests";
import { ROOMY_UPLOAD_LIMITS, startTestServer, type TestServer } from "./support/test-server";

reportSkippedPostgres();

const RIB = { flowId: "bourse-scolaire", fieldId: "ribFile", filetype: "application/pdf" };
const DAY_MS = 24 * 3600 * 1000;

type Limits = { -readonly [K in keyof UploadLimits]: UploadLimits[K] };

describe.each(DATABASES)("upload limits on %s", (database) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(limits: Partial<UploadLimits>): Promise<{ server: TestServer; limits: Limits }> {
    const all: Limits = { ...ROOMY_UPLOAD_LIMITS, ...limits };
    server = await startTestServer(database, { uploadLimits: all });
    return { server, limits: all };
  }

  /** A creation from the client at `address` (the connection's address, as Node gives it). */
  const create = (s: TestServer, length: number, address = "192.0.2.1") =>
    s.app.request(
      "/api/uploads",
      {
        method: "POST",
        headers: { ...TUS, "Upload-Length": String(length), "Upload-Metadata": uploadMetadata(RIB) },
      },
      { incoming: { socket: { remoteAddress: address } } },
    );

  it("answers 429 too_many_uploads, with Retry-After, past UPLOADS_PER_HOUR creations", async () => {
    const { server } = await start({ uploadsPerHour: 3 });
    for (let i = 0; i < 3; i++) expect((await create(server, 1000)).status).toBe(201);
    const refused = await create(server, 1000);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const error = await errorOf(refused);
    expect(error.code).toBe("too_many_uploads");
    expect(error.message).toMatch(/plus tard/);
    // Another connection is counted apart.
    expect((await create(server, 1000, "198.51.100.7")).status).toBe(201);
  });

  it("counts a client's creations across two server processes on one database", async () => {
    const { server, limits } = await start({ uploadsPerHour: 4 });
    // A second process: its own pool, the same database and documents directory.
    const other = await openServices(
      {
        dataDir: server.dataDir,
        database: server.database.config,
        maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
        uploadLimits: limits,
      },
      { database: server.database.options },
    );
    const dist = createDistFixture();
    try {
      const otherServer = { ...server, app: createApp({ distDir: dist.distDir }, other) };
      for (const s of [server, otherServer, server, otherServer])
        expect((await create(s, 1000)).status).toBe(201);
      expect((await create(otherServer, 1000)).status).toBe(429);
      expect((await create(server, 1000)).status).toBe(429);
    } finally {
      await other.close();
      dist.remove();
    }
  });

  it("answers 429 too_many_uploads past UPLOAD_BYTES_PER_HOUR announced", async () => {
    const { server } = await start({ uploadBytesPerHour: 2500 });
    expect((await create(server, 1000)).status).toBe(201);
    expect((await create(server, 1000)).status).toBe(201);
    const refused = await create(server, 1000);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe("too_many_uploads");
    expect((await create(server, 500)).status).toBe(201);
  });

  it("answers 413 upload_quota_reached past UPLOAD_QUOTA_BYTES held, and frees what a request takes", async () => {
    const { server } = await start({ quotaBytes: 5000 });
    const flowId = "bourse-scolaire";
    const { answers } = example(flowId, "eligible-one-child");
    // The example's documents, uploaded by the test's client: "unknown", as app.request has no socket.
    const uploaded = await uploadDocumentsOf(server.app, flowId, answers, { size: 1000 });
    const held = uploaded.documents.length * 1000;
    expect(held).toBeLessThanOrEqual(5000);
    const tooMuch = await server.app.request("/api/uploads", {
      method: "POST",
      headers: {
        ...TUS,
        "Upload-Length": String(5000 - held + 1),
        "Upload-Metadata": uploadMetadata(RIB),
      },
    });
    expect(tooMuch.status).toBe(413);
    const error = await errorOf(tooMuch);
    expect(error.code).toBe("upload_quota_reached");
    expect(error.message).toMatch(/demande/);
    const body: SubmissionBody = { flowId, flowVersion: 1, ...uploaded };
    expect((await putSubmission(server.app, newId(), body)).status).toBe(201);
    // Documents a request holds no longer count.
    const { response } = await uploadWhole(server.app, RIB, documentBytes("application/pdf", 4000, 3));
    expect(response.status).toBe(201);
  });

  it("removes finished uploads no request names after UNCLAIMED_UPLOAD_DAYS, keeps those a request names", async () => {
    const { server } = await start({});
    const flowId = "bourse-scolaire";
    const uploaded = await uploadDocumentsOf(
      server.app,
      flowId,
      example(flowId, "eligible-one-child").answers,
      {
        size: 1000,
      },
    );
    expect((await putSubmission(server.app, newId(), { flowId, flowVersion: 1, ...uploaded })).status).toBe(
      201,
    );
    const { uploadId: unclaimed } = await uploadWhole(
      server.app,
      RIB,
      documentBytes("application/pdf", 1000, 9),
    );
    const retention = { expirationMs: DAY_MS, unclaimedMs: 7 * DAY_MS };
    expect(await removeExpiredUploads(server.services, retention, Date.now() + 6 * DAY_MS)).toBe(0);
    expect(await removeExpiredUploads(server.services, retention, Date.now() + 8 * DAY_MS)).toBe(1);
    expect(await server.services.documents.inspect(unclaimed)).toBeUndefined();
    for (const { uploadId } of uploaded.documents)
      expect(await server.services.documents.inspect(uploadId)).toBeDefined();
  });

  it("answers 507 storage_full to new uploads when the disk is nearly full, and still records requests whose documents are up", async () => {
    const { server, limits } = await start({});
    const flowId = "bourse-scolaire";
    const uploaded = await uploadDocumentsOf(
      server.app,
      flowId,
      example(flowId, "eligible-one-child").answers,
      {
        size: 1000,
      },
    );
    const free = await server.services.documents.freeBytes();
    limits.minFreeDiskBytes = free + 1024 ** 3;
    const refused = await create(server, 1000);
    expect(refused.status).toBe(507);
    const error = await errorOf(refused);
    expect(error.code).toBe("storage_full");
    expect(error.message).toMatch(/plus tard/);
    const recorded = await putSubmission(server.app, newId(), { flowId, flowVersion: 1, ...uploaded });
    expect(recorded.status).toBe(201);
  });
});
