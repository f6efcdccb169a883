/**
 * Signing in through an OpenID Connect provider (NC Connect in production): authorization code
 * with PKCE, `state` and `nonce`. The three secrets of a round trip stay in the oidc_attempts
 * table; the browser holds only a short-lived cookie naming the row, used once. The provider's
 * metadata is fetched at first use, so a provider that is down does not stop the server.
 */
import * as client from "openid-client";
import type { OidcConfig } from "../account-config";
import type { Db } from "../db/tables";
import type { OidcProfile } from "./accounts-service";
import { randomToken } from "./tokens";

export const OIDC_ATTEMPT_MINUTES = 10;

export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly profile: OidcProfile;
  /** The provider vouches for the email (`email_verified`); the staff directory's binding needs it. */
  readonly emailVerified: boolean;
  readonly idToken: string | undefined;
}

export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly db: Db,
    private readonly config: OidcConfig,
    private readonly now: () => Date,
    /** Tests only: their provider runs on http://127.0.0.1. */
    private readonly allowInsecure = false,
  ) {}

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        this.config.clientSecret,
        undefined,
        this.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  /** Where to send the browser, and the attempt id its cookie must carry back. */
  async start(): Promise<{ readonly attemptId: string; readonly url: string }> {
    const configuration = await this.discover();
    const attemptId = randomToken();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.db
      .insertInto("oidc_attempts")
      .values({
        id: attemptId,
        state,
        nonce,
        code_verifier: codeVerifier,
        expires_at: new Date(this.now().getTime() + OIDC_ATTEMPT_MINUTES * 60_000).toISOString(),
      })
      .execute();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { attemptId, url: url.href };
  }

  /**
   * The provider sent the browser back with `search` (?code=…&state=…). The attempt row is
   * deleted first, so a callback replayed with the same cookie finds nothing.
   */
  async finish(attemptId: string, search: string): Promise<OidcIdentity | undefined> {
    const attempt = await this.db
      .deleteFrom("oidc_attempts")
      .where("id", "=", attemptId)
      .where("expires_at", ">", this.now().toISOString())
      .returning(["state", "nonce", "code_verifier"])
      .executeTakeFirst();
    if (!attempt) return undefined;
    const configuration = await this.discover();
    const callback = new URL(this.config.redirectUri);
    callback.search = search;
    const tokens = await client.authorizationCodeGrant(
      configuration,
      callback,
      {
        pkceCodeVerifier: attempt.code_verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      },
      { redirect_uri: this.config.redirectUri },
    );
    const claims = tokens.claims();
    if (!claims) return undefined;
    const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
    const profile: OidcProfile = Object.fromEntries(
      Object.entries({
        givenName: text(claims.given_name),
        familyName: text(claims.family_name),
        birthdate: text(claims.birthdate),
        email: text(claims.email),
      }).filter(([, value]) => value !== undefined),
    );
    return {
      issuer: claims.iss,
      subject: claims.sub,
      profile,
      emailVerified: claims.email_verified === true,
      idToken: tokens.id_token,
    };
  }

  /** The provider's logout address, so signing out here ends the provider's session too. */
  async endSessionUrl(idToken: string | null): Promise<string | undefined> {
    const configuration = await this.discover().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
    const parameters: Record<string, string> = { client_id: this.config.clientId };
    if (idToken) parameters.id_token_hint = idToken;
    if (this.config.postLogoutRedirectUri)
      parameters.post_logout_redirect_uri = this.config.postLogoutRedirectUri;
    return client.buildEndSessionUrl(configuration, parameters).href;
  }

  async removeExpired(): Promise<void> {
    await this.db.deleteFrom("oidc_attempts").where("expires_at", "<=", this.now().toISOString()).execute();
  }
}
