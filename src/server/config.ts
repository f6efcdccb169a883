/** Server settings, read once from the environment so a bad value stops the start with a clear message. */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

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
}

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
  };
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
