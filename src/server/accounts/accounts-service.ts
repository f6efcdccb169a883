/**
 * Accounts, as the routes see them: finding or making the account of an address or of an
 * OpenID Connect identity, describing it, its data as a download, and deleting it. Accounts are
 * keyed on (issuer, subject) for OpenID Connect, never on the email a provider sends.
 */
import { randomUUID } from "node:crypto";
import type { Account } from "../../shared/api/account";
import type { Db } from "../db/tables";
import { isUniqueViolation } from "../db/unique-violation";
import type { AccountDraftsService } from "../drafts/account-drafts-service";
import type { RequestsService } from "../requests/requests-service";
import type { AccountAudit } from "./account-audit";
import { channelOf } from "./address";
import type { Sessions } from "./sessions";

/** The claims kept from the provider (NC Connect sends these). */
export interface OidcProfile {
  readonly givenName?: string;
  readonly familyName?: string;
  readonly birthdate?: string;
  readonly email?: string;
}

export class AccountsService {
  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly sessions: Sessions;
      readonly audit: AccountAudit;
      readonly requests: RequestsService;
      readonly drafts: Pick<AccountDraftsService, "eraseOf" | "list">;
      readonly now: () => Date;
    },
  ) {}

  /** The account of a code address, made on first sign-in. */
  async ofAddress(address: string): Promise<string> {
    return this.findOrCreate(
      (db) => db.selectFrom("accounts").select("id").where("code_address", "=", address).executeTakeFirst(),
      { code_address: address, oidc_issuer: null, oidc_subject: null, profile: null },
    );
  }

  /** The account of an OpenID Connect identity; its profile is refreshed at each sign-in. */
  async ofOidc(issuer: string, subject: string, profile: OidcProfile): Promise<string> {
    const id = await this.findOrCreate(
      (db) =>
        db
          .selectFrom("accounts")
          .select("id")
          .where("oidc_issuer", "=", issuer)
          .where("oidc_subject", "=", subject)
          .executeTakeFirst(),
      { code_address: null, oidc_issuer: issuer, oidc_subject: subject, profile: JSON.stringify(profile) },
    );
    await this.deps.db
      .updateTable("accounts")
      .set({ profile: JSON.stringify(profile) })
      .where("id", "=", id)
      .execute();
    return id;
  }

  private async findOrCreate(
    find: (db: Db) => Promise<{ id: string } | undefined>,
    keys: {
      code_address: string | null;
      oidc_issuer: string | null;
      oidc_subject: string | null;
      profile: string | null;
    },
  ): Promise<string> {
    const found = await find(this.deps.db);
    if (found) return found.id;
    const id = randomUUID();
    try {
      await this.deps.db
        .insertInto("accounts")
        .values({ id, created_at: this.deps.now().toISOString(), ...keys })
        .execute();
      return id;
    } catch (error) {
      // Two first sign-ins at once: the other one made it.
      if (!isUniqueViolation(error)) throw error;
      const made = await find(this.deps.db);
      if (!made) throw error;
      return made.id;
    }
  }

  async describe(accountId: string): Promise<Account | undefined> {
    const row = await this.deps.db
      .selectFrom("accounts")
      .selectAll()
      .where("id", "=", accountId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.code_address !== null)
      return {
        id: row.id,
        createdAt: row.created_at,
        signIn: { method: "code", channel: channelOf(row.code_address), address: row.code_address },
      };
    const profile = JSON.parse(row.profile ?? "{}") as OidcProfile;
    return {
      id: row.id,
      createdAt: row.created_at,
      signIn: {
        method: "nc-connect",
        ...(profile.givenName ? { givenName: profile.givenName } : {}),
        ...(profile.familyName ? { familyName: profile.familyName } : {}),
        ...(profile.email ? { email: profile.email } : {}),
      },
    };
  }

  /** Everything kept about the person, for "Télécharger mes données". */
  async exportData(accountId: string) {
    const account = await this.describe(accountId);
    if (!account) return undefined;
    const row = await this.deps.db
      .selectFrom("accounts")
      .select("profile")
      .where("id", "=", accountId)
      .executeTakeFirstOrThrow();
    const sessions = await this.deps.sessions.list(accountId);
    return {
      exportedAt: this.deps.now().toISOString(),
      account,
      profile: JSON.parse(row.profile ?? "null") as OidcProfile | null,
      sessions: sessions.map((s) => ({
        device: s.device,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
      })),
      signInEvents: await this.deps.audit.ofAccount(accountId),
      requests: await this.deps.requests.ownedBy(accountId),
      drafts: await this.deps.drafts.list(accountId),
    };
  }

  /**
   * Deletes the account, its sessions and its drafts (with their documents). Requests already
   * sent are the administration's to handle: they stay, no longer linked to anyone's account.
   */
  async delete(accountId: string): Promise<void> {
    await this.deps.requests.releaseOwner(accountId);
    await this.deps.drafts.eraseOf(accountId);
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("sessions").where("account_id", "=", accountId).execute();
      await trx.deleteFrom("accounts").where("id", "=", accountId).execute();
    });
    await this.deps.audit.record("account_deleted", { accountId });
  }
}
