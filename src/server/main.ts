/** Starts the server: `npm start` (after a build) or `tsx src/server/main.ts`. */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { ConfigError, readConfig, type ServerConfig } from "./config";
import { removeExpiredUploads } from "./documents/expired-uploads";
import { type ApiServices, openServices, UPLOAD_EXPIRATION_MS } from "./services";

/** How often abandoned uploads are looked for. */
const CLEANUP_INTERVAL_MS = 6 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
/** A hand-off's ciphertext should not outlive its expiry by much: it is looked for more often. */
const HANDOFF_CLEANUP_INTERVAL_MS = 10 * 60 * 1000;

function fail(reason: string): never {
  console.error(`Cannot start Pas à pas: ${reason}`);
  process.exit(1);
}

function loadConfig(): ServerConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    fail(error.message);
  }
}

async function loadServices(config: ServerConfig): Promise<ApiServices> {
  try {
    return await openServices(config);
  } catch (error) {
    // The driver's message names the host or the file, never the password of DATABASE_URL.
    const where =
      config.database.kind === "sqlite" ? config.database.file : "the PostgreSQL database of DATABASE_URL";
    fail(`could not open ${where}: ${(error as Error).message}`);
  }
}

/** Sends queued messages in the background, and says where they go (never to whom). */
function startMessages(services: ApiServices): void {
  const { drivers, queue, oidc } = services.account;
  console.log(`Emails are ${drivers.email.description}; SMS are ${drivers.sms.description}.`);
  console.log(oidc ? "Sign-in with NC Connect is offered." : "Sign-in with NC Connect is not configured.");
  console.log(
    services.staff.directory
      ? "Staff sign in through the staff directory (STAFF_OIDC_*), or with a password and TOTP."
      : "Staff sign in with a password and TOTP (accounts: npm run staff -- add); the staff directory (STAFF_OIDC_*) is not configured.",
  );
  queue.start();
}

async function removeExpiredSignIns(services: ApiServices): Promise<void> {
  const { sessions, codes, oidc } = services.account;
  await Promise.all([
    sessions.removeExpired(),
    codes.removeOld(),
    oidc?.removeExpired(),
    services.staff.signIn.removeStale(),
    services.staff.directory?.removeExpired(),
  ]);
}

async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(join(config.distDir, "index.html"))) {
    console.warn(`${config.distDir}/index.html is missing: run "npm run build" (npm start builds for you).`);
  }
  const services = await loadServices(config);
  const server = serve(
    { fetch: createApp(config, services).fetch, hostname: config.host, port: config.port },
    (info) => {
      const shownHost = info.family === "IPv6" ? `[${info.address}]` : info.address;
      console.log(
        `Pas à pas is listening on http://${shownHost}:${info.port} (database: ${services.database.kind})`,
      );
    },
  );
  server.on("error", (error: NodeJS.ErrnoException) => {
    fail(error.code === "EADDRINUSE" ? `port ${config.port} is already in use.` : `${error.message}.`);
  });
  startMessages(services);
  const cleanUp = () =>
    Promise.all([
      removeExpiredUploads(services, {
        expirationMs: UPLOAD_EXPIRATION_MS,
        unclaimedMs: config.uploadLimits.unclaimedDays * DAY_MS,
      }).then(
        (count) =>
          count > 0 &&
          console.log(`Removed ${count} upload(s) past their expiry or never used by a request.`),
      ),
      removeExpiredSignIns(services),
    ]).catch((error: Error) => console.error(`Cleaning up failed: ${error.message}`));
  void cleanUp();
  setInterval(cleanUp, CLEANUP_INTERVAL_MS).unref();
  const removeHandoffs = () =>
    services.handoffs
      .removeExpired()
      .catch((error: Error) => console.error(`Removing expired hand-offs failed: ${error.message}`));
  void removeHandoffs();
  setInterval(removeHandoffs, HANDOFF_CLEANUP_INTERVAL_MS).unref();
  const stop = () => server.close(() => void services.close().finally(() => process.exit(0)));
  // A stray rejected promise (a client gone mid-upload) is logged; it must not stop the service.
  process.on("unhandledRejection", (reason) => {
    console.error(`Unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
  });
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

await main();
