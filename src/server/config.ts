/** Server settings, read once from the environment so a bad value stops the start with a clear message. */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { apiPaths } from "../shared/api/paths";
import { type AccountConfig, readAccountConfig, readOidcSettings } from "./account-config";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./documents/upload-limits";
import { DEFAULT_HANDOFF_LIMITS, type HandoffLimits } from "./handoffs/handoff-limits";
import {
  DEFAULT_STAFF_SESSION_IDLE_MINUTES,
  STAFF_SESSION_MAX_MINUTES,
  type StaffRules,
} from "./staff/staff-rules";
import { readTrustProxy, type TrustProxy } from "./trust-proxy";

export type DatabaseConfig =
  | { readonly kind: "sqlite"; readonly file: string }
  | { readonly kind: "postgres"; readonly url: string };

export interface ServerConfig {
  /** Interface to listen on; 127.0.0.1 unless HOST opens it (0.0.0.0 in a container). */
  readonly host: string;
  readonly port: number;
  /** Where the server keeps what it stores; created at start. */
  readonly dataDir: string;
  /** The built app (vite build output); DIST_DIR serves another copy (a test of app updates does). */
  readonly distDir: string;
  readonly database: DatabaseConfig;
  /** Largest JSON body the API reads; bigger ones get 413 before being parsed. */
  readonly maxBodyBytes: number;
  /** BEHIND_TLS=1: people reach the server over HTTPS (a TLS proxy in front), so HSTS is sent. */
  readonly behindTls: boolean;
  /** Sign-in, sessions and outgoing messages (account-config.ts). */
  readonly accounts: AccountConfig;
  /** What one client may make the server store (documents/upload-limits.ts). */
  readonly uploadLimits: UploadLimits;
  /** TRUST_PROXY: which reverse proxies' X-Forwarded-For to believe (trust-proxy.ts). */
  readonly trustProxy: TrustProxy;
  /** POST_IDLE_SECONDS: on a post of the connected space, a person's session ends after this long idle. */
  readonly postIdleSeconds: number;
  /** HANDOFF_*: drafts handed from one device to another (handoffs/handoff-limits.ts). */
  readonly handoffLimits: HandoffLimits;
  /** Staff sessions (STAFF_SESSION_IDLE_MINUTES); staff/staff-rules.ts. */
  readonly staff: StaffRules;
}

export const DEFAULT_POST_IDLE_SECONDS = 600;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** dist/ next to the sources, whatever directory the server is started from. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL("../../dist", import.meta.url));
/** The procedures and their texts ship with the code: they are not configuration. */
export const DEFAULT_FLOWS_DIR = fileURLToPath(new URL("../../flows", import.meta.url));
export const DEFAULT_LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export const SQLITE_FILE_NAME = "pas-a-pas.sqlite";
/** A request's answers are a few kilobytes; documents go through /api/uploads, not this limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const MAX_BODY_BYTES_CEILING = 64 * 1024 * 1024;

export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): ServerConfig {
  const dataDir = resolve(cwd, env.DATA_DIR?.trim() || "data");
  return {
    host: readHost(env.HOST),
    port: readPort(env.PORT),
    dataDir,
    distDir: env.DIST_DIR?.trim() ? resolve(cwd, env.DIST_DIR.trim()) : DEFAULT_DIST_DIR,
    database: readDatabase(env.DATABASE_URL, dataDir),
    maxBodyBytes: readMaxBodyBytes(env.MAX_BODY_BYTES),
    behindTls: readFlag("BEHIND_TLS", env.BEHIND_TLS),
    accounts: readAccountConfig(env),
    uploadLimits: readUploadLimits(env),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    postIdleSeconds: readCount("POST_IDLE_SECONDS", env.POST_IDLE_SECONDS, DEFAULT_POST_IDLE_SECONDS, 5),
    handoffLimits: readHandoffLimits(env),
    staff: readStaffRules(env),
  };
}

export function readHandoffLimits(env: Readonly<Record<string, string | undefined>>): HandoffLimits {
  const d = DEFAULT_HANDOFF_LIMITS;
  return {
    maxBytes: readCount("HANDOFF_MAX_BYTES", env.HANDOFF_MAX_BYTES, d.maxBytes, 1024),
    ttlHours: readCount("HANDOFF_TTL_HOURS", env.HANDOFF_TTL_HOURS, d.ttlHours, 1),
    perClientPerHour: readCount("HANDOFFS_PER_HOUR", env.HANDOFFS_PER_HOUR, d.perClientPerHour, 1),
    missesPerHour: readCount(
      "HANDOFF_WRONG_CODES_PER_HOUR",
      env.HANDOFF_WRONG_CODES_PER_HOUR,
      d.missesPerHour,
      1,
    ),
  };
}

export function readStaffRules(env: Readonly<Record<string, string | undefined>>): StaffRules {
  const directory = readOidcSettings(env, "STAFF_", {
    issuer: "https://annuaire.province-sud.nc/realms/agents",
    site: "https://demarches.province-sud.nc",
    callbackPath: apiPaths.staffDirectoryCallback,
  });
  const value = env.STAFF_SESSION_IDLE_MINUTES?.trim() ?? "";
  if (value === "")
    return {
      directory,
      sessionIdleMinutes: DEFAULT_STAFF_SESSION_IDLE_MINUTES,
      sessionMaxMinutes: STAFF_SESSION_MAX_MINUTES,
    };
  const minutes = Number(value);
  // An agent's screen left open is a request's data left open: never longer than the working day.
  if (!/^\d+$/.test(value) || minutes < 1 || minutes > STAFF_SESSION_MAX_MINUTES) {
    throw new ConfigError(
      `STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes between 1 and ${STAFF_SESSION_MAX_MINUTES}, like ${DEFAULT_STAFF_SESSION_IDLE_MINUTES} (got "${env.STAFF_SESSION_IDLE_MINUTES}").`,
    );
  }
  return { directory, sessionIdleMinutes: minutes, sessionMaxMinutes: STAFF_SESSION_MAX_MINUTES };
}

export function readUploadLimits(env: Readonly<Record<string, string | undefined>>): UploadLimits {
  const d = DEFAULT_UPLOAD_LIMITS;
  return {
    uploadsPerHour: readCount("UPLOADS_PER_HOUR", env.UPLOADS_PER_HOUR, d.uploadsPerHour, 1),
    uploadBytesPerHour: readCount(
      "UPLOAD_BYTES_PER_HOUR",
      env.UPLOAD_BYTES_PER_HOUR,
      d.uploadBytesPerHour,
      1,
    ),
    quotaBytes: readCount("UPLOAD_QUOTA_BYTES", env.UPLOAD_QUOTA_BYTES, d.quotaBytes, 1),
    unclaimedDays: readCount("UNCLAIMED_UPLOAD_DAYS", env.UNCLAIMED_UPLOAD_DAYS, d.unclaimedDays, 1),
    minFreeDiskBytes: readCount("MIN_FREE_DISK_BYTES", env.MIN_FREE_DISK_BYTES, d.minFreeDiskBytes, 0),
  };
}

function readCount(name: string, value: string | undefined, fallback: number, least: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const count = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < least) {
    throw new ConfigError(
      `${name} must be a whole number of at least ${least}, like ${fallback} (got "${value}").`,
    );
  }
  return count;
}

function readHost(value: string | undefined): string {
  if (value === undefined) return "127.0.0.1";
  const host = value.trim();
  if (host === "" || /\s/.test(host)) {
    throw new ConfigError(`HOST must be a host name or an IP address, like 0.0.0.0 (got "${value}").`);
  }
  return host;
}

function readPort(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 8080;
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number between 1 and 65535, like 8080 (got "${value}").`);
  }
  return port;
}

export function readDatabase(value: string | undefined, dataDir: string): DatabaseConfig {
  const url = value?.trim() ?? "";
  if (url === "") return { kind: "sqlite", file: resolve(dataDir, SQLITE_FILE_NAME) };
  // The value is never echoed back: a database URL usually carries a password.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") {
    if (!URL.canParse(url) || new URL(url).hostname === "") {
      throw new ConfigError(
        "DATABASE_URL is not a valid PostgreSQL URL; write it like postgres://user:password@host:5432/database.",
      );
    }
    return { kind: "postgres", url };
  }
  const got = scheme ? `a "${scheme}:" URL` : "a value that is not a URL";
  throw new ConfigError(
    `DATABASE_URL must be a postgres:// or postgresql:// URL, or be left unset to use the SQLite file in DATA_DIR (got ${got}).`,
  );
}

function readFlag(name: string, value: string | undefined): boolean {
  const flag = value?.trim() ?? "";
  if (flag === "" || flag === "0") return false;
  if (flag === "1") return true;
  throw new ConfigError(`${name} must be 1 (yes) or 0 (no), or be left unset (got "${value}").`);
}

function readMaxBodyBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_MAX_BODY_BYTES;
  const bytes = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || bytes < 1024 || bytes > MAX_BODY_BYTES_CEILING) {
    throw new ConfigError(
      `MAX_BODY_BYTES must be a whole number of bytes between 1024 and ${MAX_BODY_BYTES_CEILING}, like 1048576 (got "${value}").`,
    );
  }
  return bytes;
}
