/**
 * The settings of accounts, sessions and outgoing messages, read with the rest of the config
 * (config.ts) so a bad value stops the start with a clear message. Secrets are never echoed.
 */
// config.ts imports this file too: ConfigError is only used when a value is read, after both loaded.
import { ConfigError } from "./config";

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string | undefined;
  readonly scopes: string;
}

export interface AccountConfig {
  /** NC Connect (or any OpenID Connect provider); undefined hides its button. */
  readonly oidc: OidcConfig | undefined;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxMinutes: number;
  readonly codesPerClientPerHour: number;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly smsGateway: { readonly url: string; readonly token: string | undefined } | undefined;
}

export const DEFAULT_SESSION_IDLE_MINUTES = 7 * 24 * 60;
export const DEFAULT_SESSION_MAX_MINUTES = 30 * 24 * 60;
export const DEFAULT_CODES_PER_CLIENT_PER_HOUR = 30;
export const DEFAULT_MAIL_FROM = "Pas à pas <ne-pas-repondre@localhost>";

type Env = Readonly<Record<string, string | undefined>>;

export function readAccountConfig(env: Env): AccountConfig {
  const idle = readMinutes(env, "SESSION_IDLE_MINUTES", DEFAULT_SESSION_IDLE_MINUTES);
  const max = readMinutes(env, "SESSION_MAX_MINUTES", DEFAULT_SESSION_MAX_MINUTES);
  if (idle > max)
    throw new ConfigError(
      `SESSION_IDLE_MINUTES (${idle}) cannot be longer than SESSION_MAX_MINUTES (${max}).`,
    );
  return {
    oidc: readOidc(env),
    sessionIdleMinutes: idle,
    sessionMaxMinutes: max,
    codesPerClientPerHour: readWhole(
      env,
      "SIGN_IN_CODES_PER_CLIENT_PER_HOUR",
      DEFAULT_CODES_PER_CLIENT_PER_HOUR,
      1,
      100_000,
    ),
    smtpUrl: readUrl(env, "SMTP_URL", ["smtp:", "smtps:"], "smtp://user:password@mail.example.nc:587"),
    mailFrom: readMailFrom(env.MAIL_FROM),
    smsGateway: readSmsGateway(env),
  };
}

const set = (value: string | undefined): string | undefined => value?.trim() || undefined;

function readWhole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = set(env[name]);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max)
    throw new ConfigError(
      `${name} must be a whole number between ${min} and ${max}, like ${fallback} (got "${env[name]}").`,
    );
  return number;
}

/** At least 5 minutes, at most a year. */
const readMinutes = (env: Env, name: string, fallback: number) => readWhole(env, name, fallback, 5, 525_600);

/** The value itself is not shown: an SMTP URL or a gateway URL may carry a password. */
function readUrl(env: Env, name: string, schemes: readonly string[], example: string): string | undefined {
  const value = set(env[name]);
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || !schemes.includes(new URL(value).protocol))
    throw new ConfigError(`${name} must be a ${schemes.join(" or ")} URL, like ${example}.`);
  return value;
}

function readMailFrom(value: string | undefined): string {
  const from = set(value);
  if (from === undefined) return DEFAULT_MAIL_FROM;
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from))
    throw new ConfigError(
      `MAIL_FROM must be an address, like "Pas à pas <ne-pas-repondre@province-sud.nc>" (got "${value}").`,
    );
  return from;
}

function readSmsGateway(env: Env): AccountConfig["smsGateway"] {
  const url = readUrl(env, "SMS_GATEWAY_URL", ["https:", "http:"], "https://sms.example.nc/send");
  const token = set(env.SMS_GATEWAY_TOKEN);
  if (url === undefined) {
    if (token !== undefined) throw new ConfigError("SMS_GATEWAY_TOKEN is set but SMS_GATEWAY_URL is not.");
    return undefined;
  }
  return { url, token };
}

/** Where a relying party's examples in error messages point: NC Connect, or the staff directory. */
interface OidcExamples {
  readonly issuer: string;
  readonly site: string;
  readonly callbackPath: string;
}

const NC_CONNECT: OidcExamples = {
  issuer: "https://connect.gouv.nc/realms/citoyens",
  site: "https://demarches.province-sud.nc",
  callbackPath: "/api/account/oidc/callback",
};

const readOidc = (env: Env) => readOidcSettings(env, "", NC_CONNECT);

/**
 * One OpenID Connect client's settings, from `${prefix}OIDC_*`: NC Connect for citizens (no
 * prefix), the province's staff directory (`STAFF_`). All four required ones or none.
 */
export function readOidcSettings(env: Env, prefix: string, examples: OidcExamples): OidcConfig | undefined {
  const required = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URI"].map(
    (name) => `${prefix}${name}`,
  );
  const missing = required.filter((name) => set(env[name]) === undefined);
  if (missing.length === required.length) return undefined;
  if (missing.length > 0)
    throw new ConfigError(
      `OpenID Connect needs ${required.join(", ")} together; missing: ${missing.join(", ")}.`,
    );
  const urls = ["https:", "http:"];
  const issuer = readUrl(env, `${prefix}OIDC_ISSUER`, urls, examples.issuer);
  const redirectUri = readUrl(
    env,
    `${prefix}OIDC_REDIRECT_URI`,
    urls,
    `${examples.site}${examples.callbackPath}`,
  );
  const scopes = set(env[`${prefix}OIDC_SCOPES`]) ?? "openid profile email";
  if (!scopes.split(/\s+/).includes("openid"))
    throw new ConfigError(
      `${prefix}OIDC_SCOPES must include "openid" (got "${env[`${prefix}OIDC_SCOPES`]}").`,
    );
  return {
    issuer: issuer as string,
    clientId: set(env[`${prefix}OIDC_CLIENT_ID`]) as string,
    clientSecret: set(env[`${prefix}OIDC_CLIENT_SECRET`]) as string,
    redirectUri: redirectUri as string,
    postLogoutRedirectUri: readUrl(env, `${prefix}OIDC_POST_LOGOUT_REDIRECT_URI`, urls, `${examples.site}/`),
    scopes,
  };
}
