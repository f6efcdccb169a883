/** A whole server for one test file: temporary DATA_DIR, a fresh database, the real flows, app.request(). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { createApp } from "../../../../src/server/app";
import { DEFAULT_MAX_BODY_BYTES } from "../../../../src/server/config";
import type { RepositoryHooks } from "../../../../src/server/db/submissions-repository";
import { type ApiServices, openServices } from "../../../../src/server/services";
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
}

export async function startTestServer(
  name: DatabaseName,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-server-"));
  const dist = createDistFixture();
  const database = await createTestDatabase(name, dataDir);
  const services = await openServices(
    { dataDir, database: database.config, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
    { database: database.options, ...(options.hooks ? { hooks: options.hooks } : {}) },
  );
  return {
    app: createApp({ distDir: dist.distDir }, services),
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
