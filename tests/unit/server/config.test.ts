import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DIST_DIR, readConfig } from "../../../src/server/config";
import { startMainUntilExit } from "./support/start-main";

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

  it("sends HSTS only with BEHIND_TLS=1, and refuses any other value than 0 or 1", () => {
    expect(readConfig({}).behindTls).toBe(false);
    expect(readConfig({ BEHIND_TLS: "0" }).behindTls).toBe(false);
    expect(readConfig({ BEHIND_TLS: "1" }).behindTls).toBe(true);
    for (const value of ["yes", "true", "2"])
      expect(() => readConfig({ BEHIND_TLS: value })).toThrow(/BEHIND_TLS must be 1 \(yes\) or 0 \(no\)/);
  });

  it("reads STAFF_SESSION_IDLE_MINUTES (30 by default, never past the 12-hour day) and refuses anything else", () => {
    expect(readConfig({}).staff).toEqual({ sessionIdleMinutes: 30, sessionMaxMinutes: 720 });
    expect(readConfig({ STAFF_SESSION_IDLE_MINUTES: "15" }).staff.sessionIdleMinutes).toBe(15);
    for (const value of ["0", "721", "abc", "10.5", "-5"])
      expect(() => readConfig({ STAFF_SESSION_IDLE_MINUTES: value }), value).toThrow(
        /STAFF_SESSION_IDLE_MINUTES must be a whole number of minutes between 1 and 720, like 30/,
      );
  });

  it("reads the staff directory from STAFF_OIDC_* (all four or none), apart from NC Connect's OIDC_*", () => {
    const directory = {
      STAFF_OIDC_ISSUER: "https://annuaire.province-sud.nc/realms/agents",
      STAFF_OIDC_CLIENT_ID: "pas-a-pas-agents",
      STAFF_OIDC_CLIENT_SECRET: "a-long-secret",
      STAFF_OIDC_REDIRECT_URI: "https://demarches.province-sud.nc/api/staff/directory/callback",
    };
    expect(readConfig({}).staff.directory).toBeUndefined();
    const config = readConfig(directory);
    expect(config.staff.directory).toMatchObject({
      issuer: directory.STAFF_OIDC_ISSUER,
      clientId: "pas-a-pas-agents",
      scopes: "openid profile email",
    });
    expect(config.accounts.oidc).toBeUndefined();
    expect(() => readConfig({ ...directory, STAFF_OIDC_CLIENT_SECRET: "" })).toThrow(
      /missing: STAFF_OIDC_CLIENT_SECRET/,
    );
    expect(() => readConfig({ ...directory, STAFF_OIDC_ISSUER: "annuaire" })).toThrow(
      /STAFF_OIDC_ISSUER must be a https: or http: URL/,
    );
    expect(() =>
      readConfig({ ...directory, STAFF_OIDC_CLIENT_SECRET: "s3cr3t-value", STAFF_OIDC_SCOPES: "profile" }),
    ).toThrow(/STAFF_OIDC_SCOPES must include "openid"/);
  });

  it("rejects an empty HOST", () => {
    expect(() => readConfig({ HOST: " " })).toThrow(ConfigError);
  });

  it("serves the built app from dist/ unless DIST_DIR names another copy", () => {
    expect(readConfig({}, "/srv/app").distDir).toBe(DEFAULT_DIST_DIR);
    expect(readConfig({ DIST_DIR: "builds/next" }, "/srv/app").distDir).toBe("/srv/app/builds/next");
  });

  it("uses the SQLite file in DATA_DIR when DATABASE_URL is unset or empty", () => {
    for (const DATABASE_URL of [undefined, "", "  "]) {
      expect(readConfig({ DATA_DIR: "var", DATABASE_URL }, "/srv/app").database).toEqual({
        kind: "sqlite",
        file: "/srv/app/var/pas-a-pas.sqlite",
      });
    }
  });

  it.each(["postgres://app:secret@db:5432/pas", "postgresql://db/pas", "POSTGRES://db/pas"])(
    "uses PostgreSQL for DATABASE_URL=%s",
    (url) => {
      expect(readConfig({ DATABASE_URL: url }).database).toEqual({ kind: "postgres", url });
    },
  );

  it.each([
    ["mysql://root:hunter2@db/pas", 'a "mysql:" URL'],
    ["sqlite:///tmp/x.db", 'a "sqlite:" URL'],
    ["data/pas.sqlite", "a value that is not a URL"],
  ])("rejects DATABASE_URL=%s without repeating it", (url, got) => {
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => readConfig({ DATABASE_URL: url })).toThrow(`(got ${got})`);
    try {
      readConfig({ DATABASE_URL: url });
    } catch (error) {
      expect((error as Error).message).not.toContain("hunter2");
    }
  });

  it("rejects a postgres URL without a host", () => {
    expect(() => readConfig({ DATABASE_URL: "postgres://" })).toThrow(/not a valid PostgreSQL URL/);
  });

  it("reads MAX_BODY_BYTES, with 1 MiB by default", () => {
    expect(readConfig({}).maxBodyBytes).toBe(1_048_576);
    expect(readConfig({ MAX_BODY_BYTES: "2097152" }).maxBodyBytes).toBe(2_097_152);
  });

  it.each(["abc", "-1", "0", "100", "1.5", "1e6", "999999999999"])("rejects MAX_BODY_BYTES=%s", (value) => {
    expect(() => readConfig({ MAX_BODY_BYTES: value })).toThrow(
      /MAX_BODY_BYTES must be a whole number of bytes/,
    );
  });
});

describe("upload limits", () => {
  it("has the documented defaults, and reads each variable", () => {
    expect(readConfig({}).uploadLimits).toEqual({
      uploadsPerHour: 200,
      uploadBytesPerHour: 500_000_000,
      quotaBytes: 200_000_000,
      unclaimedDays: 7,
      minFreeDiskBytes: 1024 ** 3,
    });
    const config = readConfig({
      UPLOADS_PER_HOUR: "50",
      UPLOAD_BYTES_PER_HOUR: "1000000",
      UPLOAD_QUOTA_BYTES: "2000000",
      UNCLAIMED_UPLOAD_DAYS: "3",
      MIN_FREE_DISK_BYTES: "0",
    });
    expect(config.uploadLimits).toEqual({
      uploadsPerHour: 50,
      uploadBytesPerHour: 1_000_000,
      quotaBytes: 2_000_000,
      unclaimedDays: 3,
      minFreeDiskBytes: 0,
    });
  });

  it.each([
    ["UPLOADS_PER_HOUR", "0"],
    ["UPLOADS_PER_HOUR", "many"],
    ["UPLOAD_BYTES_PER_HOUR", "500MB"],
    ["UPLOAD_QUOTA_BYTES", "-1"],
    ["UNCLAIMED_UPLOAD_DAYS", "0"],
    ["UNCLAIMED_UPLOAD_DAYS", "1.5"],
    ["MIN_FREE_DISK_BYTES", "1e9"],
    ["MIN_FREE_DISK_BYTES", "99999999999999999999"],
  ])("rejects %s=%s", (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number`));
  });
});

// Each test starts the real server with tsx: seconds on a busy machine.
describe("main", { timeout: 60_000 }, () => {
  const start = startMainUntilExit;

  it("exits with code 1 and a clear message when PORT is invalid", () => {
    const result = start({ PORT: "not-a-port" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'PORT must be a whole number between 1 and 65535, like 8080 (got "not-a-port")',
    );
    expect(result.stdout).not.toContain("listening");
  });

  it("exits with code 1 and a clear message when an upload limit is not a number", () => {
    const result = start({ UPLOAD_QUOTA_BYTES: "200 Mo" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'UPLOAD_QUOTA_BYTES must be a whole number of at least 1, like 200000000 (got "200 Mo")',
    );
    expect(result.stdout).not.toContain("listening");
  });

  it("exits with code 1 and a clear message when DATABASE_URL is not PostgreSQL", () => {
    const result = start({ DATABASE_URL: "mysql://root:hunter2@db/pas" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "Cannot start Pas à pas: DATABASE_URL must be a postgres:// or postgresql:// URL",
    );
    expect(result.stderr).not.toContain("hunter2");
  });

  it("exits with code 1 when PostgreSQL cannot be reached, without printing the password", () => {
    const result = start({ DATABASE_URL: "postgres://app:hunter2@127.0.0.1:1/pas" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "Cannot start Pas à pas: could not open the PostgreSQL database of DATABASE_URL",
    );
    expect(result.stderr).not.toContain("hunter2");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
