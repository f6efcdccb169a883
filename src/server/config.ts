/** Server settings, read once from the environment so a bad value stops the start with a clear message. */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface ServerConfig {
  /** Interface to listen on; 127.0.0.1 unless HOST opens it (0.0.0.0 in a container). */
  readonly host: string;
  readonly port: number;
  /** Where the server keeps what it stores; created at start. */
  readonly dataDir: string;
  /** The built app (vite build output). */
  readonly distDir: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** dist/ next to the sources, whatever directory the server is started from. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL("../../dist", import.meta.url));

export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): ServerConfig {
  return {
    host: readHost(env.HOST),
    port: readPort(env.PORT),
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || "data"),
    distDir: DEFAULT_DIST_DIR,
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
