/** The accounts and messages domains, opened together on the server's database (services.ts). */
import type { AccountConfig } from "../account-config";
import type { Db } from "../db/tables";
import type { AccountDraftsService } from "../drafts/account-drafts-service";
import { driversFor } from "../messages/drivers";
import type { Drivers } from "../messages/message-queue";
import { MessageQueue } from "../messages/message-queue";
import type { MessageTexts } from "../messages/message-texts";
import type { RequestsService } from "../requests/requests-service";
import { AccountAudit } from "./account-audit";
import { AccountsService } from "./accounts-service";
import { OidcSignIn } from "./oidc-sign-in";
import { Sessions } from "./sessions";
import { SignInCodes } from "./sign-in-codes";

export interface AccountServices {
  readonly config: AccountConfig;
  readonly accounts: AccountsService;
  readonly sessions: Sessions;
  readonly codes: SignInCodes;
  /** Undefined when no OpenID Connect provider is configured: NC Connect is not offered. */
  readonly oidc: OidcSignIn | undefined;
  readonly audit: AccountAudit;
  readonly queue: MessageQueue;
  readonly drivers: Drivers;
}

export interface AccountServicesOptions {
  readonly now?: () => Date;
  /** Tests only: an OpenID Connect provider on http://127.0.0.1. */
  readonly allowInsecureOidc?: boolean;
  /** Tests only: drivers of their own (a failing one, to see retries). */
  readonly drivers?: Drivers;
}

export function openAccountServices(
  db: Db,
  config: AccountConfig,
  deps: {
    readonly dataDir: string;
    readonly texts: MessageTexts;
    readonly requests: RequestsService;
    readonly drafts: AccountDraftsService;
  },
  options: AccountServicesOptions = {},
): AccountServices {
  const now = options.now ?? (() => new Date());
  const drivers = options.drivers ?? driversFor(config, deps.dataDir);
  const queue = new MessageQueue(db, drivers, now);
  const audit = new AccountAudit(db, now);
  const sessions = new Sessions(
    db,
    { idleMinutes: config.sessionIdleMinutes, maxMinutes: config.sessionMaxMinutes },
    now,
  );
  return {
    config,
    sessions,
    audit,
    queue,
    drivers,
    accounts: new AccountsService({ db, sessions, audit, requests: deps.requests, drafts: deps.drafts, now }),
    codes: new SignInCodes({
      db,
      queue,
      texts: deps.texts,
      audit,
      codesPerClientPerHour: config.codesPerClientPerHour,
      now,
    }),
    oidc: config.oidc && new OidcSignIn(db, config.oidc, now, options.allowInsecureOidc ?? false),
  };
}
