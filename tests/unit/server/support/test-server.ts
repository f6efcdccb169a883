/** A whole server for one test file: temporary DATA_DIR, a fresh database, the real flows, app.request(). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { type AccountConfig, readAccountConfig } from "../../../../src/server/account-config";
import type { AccountServicesOptions } from "../../../../src/server/accounts/account-services";
import { createApp } from "../../../../src/server/app";
import { DEFAULT_MAX_BODY_BYTES } from "../../../../src/server/config";
import type { ProcessingHooks } from "../../../../src/server/db/processing-repository";
import type { RepositoryHooks } from "../../../../src/server/db/submissions-repository";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "../../../../src/server/documents/upload-limits";
import type { HandoffLimits } from "../../../../src/server/handoffs/handoff-limits";
import { type ApiServices, openServices } from "../../../../src/server/services";
import { DEFAULT_STAFF_RULES, type StaffRules } from "../../../../src/server/staff/staff-rules";
import type { TrustProxy } from "../../../../src/server/trust-proxy";
import { createDistFixture } from "../dist-fixture";
import { createTestDatabase, type DatabaseName, type TestDatabase } from "./databases";

export interface TestServer {
  readonly app: Hono;
  readonly services: ApiServices;
  readonly dataDir: string;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly hooks?: RepositoryHooks;
  readonly maxBodyBytes?: number;
  /** Account settings over the defaults (NC Connect, session timeouts, limits). */
  readonly accounts?: Partial<AccountConfig>;
  readonly accountOptions?: AccountServicesOptions;
  /** Kept by reference: a test may change a limit while the server runs. */
  readonly uploadLimits?: UploadLimits;
  readonly trustProxy?: TrustProxy;
  /** Kept by reference, like uploadLimits. */
  readonly handoffLimits?: HandoffLimits;
  /** Staff session rules over the defaults (the idle timeout). */
  readonly staff?: Partial<StaffRules>;
  readonly processingHooks?: ProcessingHooks;
  /** Flows other than the real ones (a test's own earlier version). */
  readonly flowsDir?: string;
}

/**
 * Every request through app.request() comes from the same client ("unknown"): tests that send
 * many documents would reach the per-client limits, which upload-limits.test.ts checks itself.
 */
export const ROOMY_UPLOAD_LIMITS: UploadLimits = {
  ...DEFAULT_UPLOAD_LIMITS,
  uploadsPerHour: 1_000_000,
  uploadBytesPerHour: 1e12,
  quotaBytes: 1e12,
};

export async function startTestServer(
  name: DatabaseName,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-server-"));
  const dist = createDistFixture();
  const database = await createTestDatabase(name, dataDir);
  const services = await openServices(
    {
      dataDir,
      database: database.config,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      accounts: { ...readAccountConfig({}), ...options.accounts },
      uploadLimits: options.uploadLimits ?? ROOMY_UPLOAD_LIMITS,
      ...(options.handoffLimits ? { handoffLimits: options.handoffLimits } : {}),
      staff: { ...DEFAULT_STAFF_RULES, ...options.staff },
    },
    {
      database: database.options,
      ...(options.flowsDir ? { flowsDir: options.flowsDir } : {}),
      ...(options.hooks ? { hooks: options.hooks } : {}),
      ...(options.accountOptions ? { accounts: options.accountOptions } : {}),
      ...(options.processingHooks ? { processingHooks: options.processingHooks } : {}),
    },
  );
  return {
    app: createApp(
      { distDir: dist.distDir, ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}) },
      services,
    ),
    services,
    dataDir,
    database,
    async close() {
      // A test may have closed the database already to see the server without it.
      await services.close().catch(() => {});
      await database.drop();
      dist.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
