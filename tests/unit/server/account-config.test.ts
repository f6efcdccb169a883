import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CODES_PER_CLIENT_PER_HOUR,
  DEFAULT_MAIL_FROM,
  readAccountConfig,
} from "../../../src/server/account-config";
import { ConfigError, readConfig } from "../../../src/server/config";
import { startMainUntilExit } from "./support/start-main";

const OIDC = {
  OIDC_ISSUER: "https://connect.gouv.nc/realms/citoyens",
  OIDC_CLIENT_ID: "pas-a-pas",
  OIDC_CLIENT_SECRET: "s3cret-value",
  OIDC_REDIRECT_URI: "https://demarches.province-sud.nc/api/account/oidc/callback",
};

describe("the settings of accounts and messages", () => {
  it("has safe defaults: no NC Connect, 7 days idle, 30 days at most, messages written to files", () => {
    expect(readConfig({}).accounts).toEqual({
      oidc: undefined,
      sessionIdleMinutes: 7 * 24 * 60,
      sessionMaxMinutes: 30 * 24 * 60,
      codesPerClientPerHour: DEFAULT_CODES_PER_CLIENT_PER_HOUR,
      smtpUrl: undefined,
      mailFrom: DEFAULT_MAIL_FROM,
      smsGateway: undefined,
    });
  });

  it("reads NC Connect's settings, with the default scopes", () => {
    expect(
      readAccountConfig({ ...OIDC, OIDC_POST_LOGOUT_REDIRECT_URI: "https://demarches.province-sud.nc/" })
        .oidc,
    ).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: "pas-a-pas",
      clientSecret: "s3cret-value",
      redirectUri: OIDC.OIDC_REDIRECT_URI,
      postLogoutRedirectUri: "https://demarches.province-sud.nc/",
      scopes: "openid profile email",
    });
  });

  it("refuses half an OpenID Connect setting, naming what is missing and never the secret", () => {
    const { OIDC_CLIENT_ID: _, ...partial } = OIDC;
    expect(() => readAccountConfig(partial)).toThrow(/missing: OIDC_CLIENT_ID/);
    expect(() => readAccountConfig({ ...OIDC, OIDC_ISSUER: "connect.gouv.nc" })).toThrow(
      /OIDC_ISSUER must be/,
    );
    expect(() => readAccountConfig({ ...OIDC, OIDC_SCOPES: "profile email" })).toThrow(
      /must include "openid"/,
    );
    try {
      readAccountConfig({ ...OIDC, OIDC_REDIRECT_URI: "nope" });
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cret");
    }
  });

  it.each([
    ["SESSION_IDLE_MINUTES", "abc"],
    ["SESSION_IDLE_MINUTES", "2"],
    ["SESSION_MAX_MINUTES", "10.5"],
    ["SIGN_IN_CODES_PER_CLIENT_PER_HOUR", "0"],
    ["SMTP_URL", "http://mail.example.nc"],
    ["SMS_GATEWAY_URL", "ftp://sms.example.nc"],
    ["MAIL_FROM", "not an address"],
  ])("refuses %s=%s", (name, value) => {
    expect(() => readAccountConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readAccountConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it("refuses an idle timeout longer than the absolute one", () => {
    expect(() => readAccountConfig({ SESSION_IDLE_MINUTES: "600", SESSION_MAX_MINUTES: "60" })).toThrow(
      /cannot be longer than SESSION_MAX_MINUTES/,
    );
  });

  it("never shows the password of SMTP_URL, and needs SMS_GATEWAY_URL for its token", () => {
    expect(() => readAccountConfig({ SMTP_URL: "mailto://user:hunter2@mail" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
    expect(readAccountConfig({ SMTP_URL: "smtps://user:pw@mail.example.nc:465" }).smtpUrl).toBe(
      "smtps://user:pw@mail.example.nc:465",
    );
    expect(() => readAccountConfig({ SMS_GATEWAY_TOKEN: "t" })).toThrow(/SMS_GATEWAY_URL is not/);
    expect(
      readAccountConfig({ SMS_GATEWAY_URL: "https://sms.example.nc/send", SMS_GATEWAY_TOKEN: "t" })
        .smsGateway,
    ).toEqual({ url: "https://sms.example.nc/send", token: "t" });
  });
});

describe("main with account settings", { timeout: 60_000 }, () => {
  const start = startMainUntilExit;

  it("exits with code 1 and a clear message when a session timeout is invalid", () => {
    const result = start({ SESSION_MAX_MINUTES: "forever" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot start Pas à pas: SESSION_MAX_MINUTES must be a whole number");
  });

  it("says at start where messages go, and that NC Connect is not configured", async () => {
    const port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => done(typeof address === "object" && address ? address.port : 0));
      });
    });
    const dataDir = mkdtempSync(join(tmpdir(), "pas-a-pas-main-"));
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SMTP_URL: "", SMS_GATEWAY_URL: "" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    try {
      await expect.poll(() => output, { timeout: 40_000 }).toContain("listening");
      expect(output).toContain(`Emails are written as files in ${join(dataDir, "outbox")}`);
      expect(output).toContain("SMS are written as files in");
      expect(output).toContain("Sign-in with NC Connect is not configured.");
    } finally {
      child.kill("SIGTERM");
    }
  });
});
