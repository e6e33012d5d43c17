/**
 * Sign-in through the company's identity provider with OpenID Connect: the authorization code
 * flow with PKCE (S256), `state` and `nonce`, the provider's settings found by discovery, the ID
 * token checked by `openid-client` (issuer, audience, expiry, nonce, and its signature against
 * the provider's published keys).
 *
 * A sign-in sent to the provider is kept in the database (`oidc_sign_ins`) under the SHA-256 of
 * its `state`, with the browser session it belongs to, for 10 minutes; the answer is taken once
 * and only from that session (a replayed or planted answer is refused).
 *
 * @module
 */
import * as client from "openid-client";
import type { Database } from "../db/database.ts";
import { secretsEqual, sha256Hex } from "../ids.ts";
import { SsoError, type SsoFailure } from "./sso_error.ts";

/** How long a sign-in may stay at the provider, in milliseconds. */
export const OIDC_SIGN_IN_MS = 10 * 60_000;

/** Where the provider sends the browser back, under the service's public URL. */
export const OIDC_CALLBACK_PATH = "/signin/oidc/callback";

/** Why a sign-in through the provider was refused (see {@linkcode SsoFailure}). */
export type OidcFailure = SsoFailure;

/** Thrown when a sign-in through the OpenID provider fails; `reason` says which way. */
export class OidcError extends SsoError {
  override name = "OidcError";
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  /** The provider's stable id of the user (`sub`). */
  subject: string;
  /** The email address, lower case, when the provider sent one. */
  email?: string;
  /** Whether the provider verified the address (`email_verified`). */
  emailVerified: boolean;
  /** The display name, possibly empty. */
  name: string;
  /** How long the ID token is still valid, in milliseconds. */
  validForMs: number;
  /** The provider's refresh token, when it gave one (`offline_access`). */
  refreshToken?: string;
  /** Where the agent was going. */
  nextPath: string;
}

/** The settings of the provider. */
export interface OidcSettings {
  /** The issuer URL (discovery reads `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  /** The client id registered at the provider. */
  clientId: string;
  /** The client secret. */
  clientSecret: string;
}

interface PendingRow {
  session_hash: string;
  code_verifier: string;
  nonce: string;
  next_path: string;
  expires_at: number;
}

/** An http issuer is accepted only on the loopback interface (tests, a local provider). */
function isLoopback(issuer: URL): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
}

/**
 * The error's message with those of its causes (openid-client wraps the check that failed:
 * `unexpected JWT "aud" (audience) claim value`), for the log; never a token.
 */
function describe(error: unknown): string {
  const messages: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.join(": ");
}

/** Sign-ins through one OpenID provider. */
export class OidcSignIn {
  readonly #settings: OidcSettings;
  readonly #db: Database;
  readonly #now: () => number;
  #configuration?: Promise<client.Configuration>;
  /** Seconds openid-client adds to the system clock: the service's clock (tests move it). */
  #skewSeconds = 0;

  /** Works with the provider of `settings`, keeping pending sign-ins in `db`. */
  constructor(settings: OidcSettings, db: Database, now: () => number = Date.now) {
    this.#settings = settings;
    this.#db = db;
    this.#now = now;
  }

  /** The provider's settings by discovery, fetched once (again after a failure). */
  #discover(): Promise<client.Configuration> {
    if (!this.#configuration) {
      const issuer = new URL(this.#settings.issuer);
      this.#skewSeconds = Math.round((this.#now() - Date.now()) / 1000);
      this.#configuration = client.discovery(
        issuer,
        this.#settings.clientId,
        {
          // The service's clock (tests move it) is the one the token's expiry is checked on.
          [client.clockSkew]: this.#skewSeconds,
        },
        client.ClientSecretPost(this.#settings.clientSecret),
        {
          execute: [
            // Without it openid-client trusts the TLS channel and skips the ID token signature.
            client.enableNonRepudiationChecks,
            ...(issuer.protocol === "http:" && isLoopback(issuer)
              ? [client.allowInsecureRequests]
              : []),
          ],
          timeout: 10,
        },
      ).catch((cause) => {
        this.#configuration = undefined;
        throw new OidcError("unavailable", `The identity provider could not be reached.`, {
          cause,
        });
      });
    }
    return this.#configuration;
  }

  /**
   * Starts a sign-in for the browser session `sessionId`: returns the provider URL to send the
   * browser to.
   *
   * @throws {OidcError} (`unavailable`) when discovery fails.
   */
  async start(sessionId: string, redirectUri: string, nextPath = ""): Promise<URL> {
    const config = await this.#discover();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const now = this.#now();
    await this.#db.run(
      `INSERT INTO oidc_sign_ins (state_hash, session_hash, code_verifier, nonce, next_path,
         expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [sha256Hex(state), sha256Hex(sessionId), verifier, nonce, nextPath, now + OIDC_SIGN_IN_MS],
    );
    const supported = config.serverMetadata().scopes_supported ?? [];
    // A refresh token lets the service ask the provider later whether the agent may still
    // sign in (the Zendesk app's keys depend on it).
    const scope = ["openid", "email", "profile"].concat(
      supported.includes("offline_access") ? ["offline_access"] : [],
    ).join(" ");
    return client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
    });
  }

  /**
   * Finishes a sign-in: takes the pending sign-in of the answer's `state` (once, and only for
   * the session that started it), redeems the code and checks the ID token.
   *
   * @throws {OidcError} `state` for an unknown, used, expired or foreign answer; `provider` when
   * the provider answered with an error; `token` when the token does not pass the checks;
   * `unavailable` when the provider cannot be reached.
   */
  async finish(sessionId: string, callbackUrl: URL): Promise<OidcIdentity> {
    const state = callbackUrl.searchParams.get("state") ?? "";
    const stateHash = sha256Hex(state);
    const row = state
      ? await this.#db.get<PendingRow>(
        `SELECT session_hash, code_verifier, nonce, next_path, expires_at FROM oidc_sign_ins
         WHERE state_hash = ?`,
        [stateHash],
      )
      : undefined;
    if (!row || !secretsEqual(row.session_hash, sha256Hex(sessionId))) {
      throw new OidcError("state", "This sign-in answer matches no sign-in of this browser.");
    }
    // Taken once: whoever deletes the row goes on (two tabs replaying race for it).
    const taken = await this.#db.run("DELETE FROM oidc_sign_ins WHERE state_hash = ?", [
      stateHash,
    ]);
    if (taken.changes !== 1 || row.expires_at <= this.#now()) {
      throw new OidcError("state", "This sign-in was used already or has expired.");
    }
    const error = callbackUrl.searchParams.get("error");
    if (error) {
      throw new OidcError(
        "provider",
        `The identity provider refused the sign-in: ${error.slice(0, 100)}`,
      );
    }
    const config = await this.#discover();
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: row.code_verifier,
        expectedState: state,
        expectedNonce: row.nonce,
        idTokenExpected: true,
      });
    } catch (cause) {
      const unreachable = cause instanceof TypeError ||
        (cause instanceof Error && cause.name === "TimeoutError");
      throw new OidcError(
        unreachable ? "unavailable" : "token",
        unreachable
          ? "The identity provider could not be reached."
          : `The identity provider's answer did not pass the checks: ${describe(cause)}`,
        { cause },
      );
    }
    const claims = tokens.claims()!;
    // Some providers put the email in the ID token, others only behind the userinfo endpoint.
    let profile: Record<string, unknown> = claims;
    if (typeof claims.email !== "string") {
      try {
        profile = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
      } catch (cause) {
        throw new OidcError("token", "The identity provider's user information was refused.", {
          cause,
        });
      }
    }
    return {
      subject: claims.sub,
      ...(typeof profile.email === "string" ? { email: profile.email.toLowerCase() } : {}),
      emailVerified: profile.email_verified === true,
      name: typeof profile.name === "string" ? profile.name : "",
      // On the clock the expiry was checked with.
      validForMs: claims.exp * 1000 - (Date.now() + this.#skewSeconds * 1000),
      ...(tokens.refresh_token ? { refreshToken: tokens.refresh_token } : {}),
      nextPath: row.next_path,
    };
  }

  /**
   * Asks the provider whether the agent of `refreshToken` may still sign in: the new refresh
   * token when it may (or undefined if the provider keeps the old one), `false` when the
   * provider refuses (the user was deactivated or the grant revoked).
   *
   * @throws {OidcError} (`unavailable`) when the provider cannot be reached: no verdict then.
   */
  async stillAllowed(refreshToken: string): Promise<string | undefined | false> {
    const config = await this.#discover();
    try {
      const tokens = await client.refreshTokenGrant(config, refreshToken);
      return tokens.refresh_token;
    } catch (cause) {
      if (cause instanceof client.ResponseBodyError && cause.error === "invalid_grant") {
        return false;
      }
      throw new OidcError("unavailable", "The identity provider could not be reached.", { cause });
    }
  }

  /** Deletes sign-ins that never came back. */
  async sweep(): Promise<void> {
    await this.#db.run("DELETE FROM oidc_sign_ins WHERE expires_at <= ?", [this.#now()]);
  }
}
