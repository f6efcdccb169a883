import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../../src/server/config";

describe("readConfig", () => {
  it("has safe defaults", () => {
    const config = readConfig({}, "/srv/app");
    expect(config).toMatchObject({ host: "127.0.0.1", port: 8080, dataDir: "/srv/app/data" });
  });

  it("reads HOST, PORT and DATA_DIR", () => {
    const config = readConfig({ HOST: "0.0.0.0", PORT: "4173", DATA_DIR: "var/pas" }, "/srv/app");
    expect(config).toMatchObject({ host: "0.0.0.0", port: 4173, dataDir: "/srv/app/var/pas" });
  });

  it.each(["abc", "80a", "-1", "0", "65536", "8080.5", "1e3"])("rejects PORT=%s", (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: port })).toThrow(/PORT must be a whole number between 1 and 65535/);
  });

  it("rejects an empty HOST", () => {
    expect(() => readConfig({ HOST: " " })).toThrow(ConfigError);
  });
});

describe("main", () => {
  it("exits with code 1 and a clear message when PORT is invalid", () => {
    const root = resolve(import.meta.dirname, "../../..");
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "not-a-port" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'PORT must be a whole number between 1 and 65535, like 8080 (got "not-a-port")',
    );
    expect(result.stdout).not.toContain("listening");
  });
});
