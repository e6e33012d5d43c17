/**
 * Sign-in through the company's identity provider with SAML 2.0 (Web Browser SSO profile): the
 * request goes out by HTTP-Redirect, the answer comes back by HTTP-POST to the Assertion
 * Consumer Service. `@node-saml/node-saml` checks the signature over the assertion (or the whole
 * response) against the provider's certificate, the audience, NotBefore/NotOnOrAfter and the
 * InResponseTo of the answer against the requests kept here; this module adds the Recipient and
 * Destination checks and refuses an assertion seen before.
 *
 * A request sent to the provider is kept in the database (`saml_requests`) under the SHA-256 of
 * its ID, with the browser session it belongs to, for 10 minutes. The answer is posted from the
 * provider's site, which in a real deployment carries no `SameSite=Lax` session cookie: the
 * checked answer is therefore kept on the request's row and handed to the browser's next
 * (same-site) request through a one-time token, where the session that started it must match.
 * The IDs of accepted assertions are kept (`saml_assertions`) until they expire, so a replayed
 * answer is refused on every instance.
 *
 * @module
 */
import {
  type CacheProvider,
  type Profile,
  SAML,
  SamlStatusError,
  ValidateInResponseTo,
} from "@node-saml/node-saml";
import type { Database } from "../db/database.ts";
import { randomToken, secretsEqual, sha256Hex } from "../ids.ts";
import { SsoError } from "./sso_error.ts";

/** How long a sign-in may stay at the provider, in milliseconds. */
export const SAML_SIGN_IN_MS = 10 * 60_000;

/** How long a checked answer waits for the browser's next request, in milliseconds. */
const HANDOFF_MS = 2 * 60_000;

/** Where the provider posts its answer (the Assertion Consumer Service), under the public URL. */
export const SAML_ACS_PATH = "/saml/acs";

/** Where the service's metadata is served, under the public URL. */
export const SAML_METADATA_PATH = "/saml/metadata";

/** Thrown when a sign-in through the SAML provider fails; `reason` says which way. */
export class SamlError extends SsoError {
  override name = "SamlError";
}

/** The settings of the SAML provider and of this service provider. */
export interface SamlSettings {
  /** The provider's single sign-on URL (HTTP-Redirect binding). */
  entryPoint: string;
  /** The provider's signing certificate(s), PEM or base64 DER. */
  idpCert: string | string[];
  /** This service's entity id; also the audience the assertions must name. @default {the public URL} */
  issuer?: string;
  /** Clock skew accepted on NotBefore/NotOnOrAfter, in milliseconds. @default {60_000} */
  acceptedClockSkewMs?: number;
}

/** Who the provider says signed in, after the checks, and the session it came back to. */
export interface SamlIdentity {
  /** `saml:` and the NameID, unless the NameID is transient (then no stable subject). */
  subject?: string;
  /** The email address, lower case: from the email attribute, else an email-format NameID. */
  email?: string;
  /** The company's directory vouches for the address it asserts: always true when one came. */
  emailVerified: boolean;
  /** The display name, possibly empty. */
  name: string;
  /** Until the provider's SessionNotOnOrAfter, in milliseconds from now; 12 hours when absent. */
  validForMs: number;
  /** Where the agent was going. */
  nextPath: string;
}

interface RequestRow {
  session_hash: string;
  next_path: string;
  answer: string | null;
  expires_at: number;
}

const EMAIL_ATTRIBUTES = [
  "email",
  "mail",
  "urn:oid:0.9.2342.19200300.100.1.3",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
];
const NAME_ATTRIBUTES = [
  "displayName",
  "name",
  "http://schemas.microsoft.com/identity/claims/displayname",
  "urn:oid:2.16.840.1.113730.3.1.241",
];
const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
const TRANSIENT_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
const SIGN_IN_MS = 12 * 3_600_000;

function firstString(profile: Profile, names: string[]): string | undefined {
  for (const name of names) {
    const value = profile[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim()) return first.trim();
  }
  return undefined;
}

/** The error's message, cut short, for the log (node-saml's messages never quote the assertion). */
function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : String(error);
}

// deno-lint-ignore no-explicit-any
type Parsed = any;

/** Sign-ins through one SAML identity provider. */
export class SamlSignIn {
  readonly #settings: SamlSettings;
  readonly #db: Database;
  readonly #now: () => number;
  readonly #publicUrl: () => string;

  /**
   * Works with the provider of `settings`, keeping requests and seen assertions in `db`;
   * `publicUrl` gives the service's origin (known once it listens).
   */
  constructor(
    settings: SamlSettings,
    db: Database,
    publicUrl: () => string,
    now: () => number = Date.now,
  ) {
    this.#settings = settings;
    this.#db = db;
    this.#publicUrl = publicUrl;
    this.#now = now;
  }

  /** The entity id of this service (the audience the assertions must name). */
  get entityId(): string {
    return this.#settings.issuer || this.#publicUrl();
  }

  /** Where the provider posts its answer. */
  get acsUrl(): string {
    return this.#publicUrl() + SAML_ACS_PATH;
  }

  /** node-saml, with `cache` holding the request IDs (in the database). */
  #saml(cache: CacheProvider): SAML {
    return new SAML({
      entryPoint: this.#settings.entryPoint,
      idpCert: this.#settings.idpCert,
      issuer: this.entityId,
      audience: this.entityId,
      callbackUrl: this.acsUrl,
      // The signature over the assertion is what matters; many providers sign only it.
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: false,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SAML_SIGN_IN_MS,
      cacheProvider: cache,
      acceptedClockSkewMs: this.#settings.acceptedClockSkewMs ?? 60_000,
      // No NameID format and no authentication context asked: Entra refuses a request whose
      // context its sign-in did not use (passwordless, MFA).
      identifierFormat: null,
      disableRequestedAuthnContext: true,
      signatureAlgorithm: "sha256",
    });
  }

  /** The SP metadata (entity id, ACS URL, signed assertions wanted) to give the provider. */
  metadata(): string {
    return this.#saml(this.#requestIds()).generateServiceProviderMetadata(null, null);
  }

  /**
   * The request IDs in the database: node-saml saves one when it builds a request and asks for
   * it when an answer comes; the request is taken (once) by {@linkcode SamlSignIn.acceptAnswer}.
   */
  #requestIds(onSave?: (id: string) => Promise<void>): CacheProvider {
    return {
      saveAsync: async (key, value) => {
        await onSave?.(key);
        return { value, createdAt: this.#now() };
      },
      getAsync: async (key) => {
        const row = await this.#db.get<{ expires_at: number }>(
          "SELECT expires_at FROM saml_requests WHERE id_hash = ? AND answer IS NULL",
          [sha256Hex(key)],
        );
        // node-saml reads the value as the request's creation date.
        return row && row.expires_at > this.#now() ? new Date().toISOString() : null;
      },
      removeAsync: (key) => Promise.resolve(key),
    };
  }

  /**
   * Starts a sign-in for the browser session `sessionId`: returns the provider URL (with the
   * deflated AuthnRequest) to send the browser to.
   */
  async start(sessionId: string, nextPath = ""): Promise<URL> {
    const saml = this.#saml(this.#requestIds(async (id) => {
      await this.#db.run(
        `INSERT INTO saml_requests (id_hash, session_hash, next_path, expires_at)
         VALUES (?, ?, ?, ?)`,
        [sha256Hex(id), sha256Hex(sessionId), nextPath, this.#now() + SAML_SIGN_IN_MS],
      );
    }));
    return new URL(await saml.getAuthorizeUrlAsync("", undefined, {}));
  }

  /**
   * Checks the answer posted to the ACS (`SAMLResponse`) and keeps who it names on its request,
   * for the browser's next request: returns the one-time token that fetches it.
   *
   * @throws {SamlError} `state` when the answer matches no pending request (used, expired,
   * unsolicited) or its assertion was seen before; `provider` when the provider's status is not
   * Success; `token` when the answer does not pass the checks.
   */
  async acceptAnswer(samlResponse: string): Promise<string> {
    let profile: Profile | null;
    try {
      ({ profile } = await this.#saml(this.#requestIds()).validatePostResponseAsync({
        SAMLResponse: samlResponse,
      }));
    } catch (cause) {
      if (cause instanceof SamlStatusError) {
        throw new SamlError("provider", `The identity provider refused: ${describe(cause)}`, {
          cause,
        });
      }
      const message = describe(cause);
      const state = /InResponseTo/i.test(message);
      throw new SamlError(
        state ? "state" : "token",
        state
          ? `This answer matches no pending sign-in: ${message}`
          : `The identity provider's answer did not pass the checks: ${message}`,
        { cause },
      );
    }
    if (!profile) throw new SamlError("token", "The identity provider's answer has no assertion.");
    const assertion: Parsed = profile.getAssertion?.()?.Assertion;
    this.#checkRecipient(profile, assertion);
    const requestId = String(profile.inResponseTo ?? "");
    const assertionId = String(assertion?.$?.ID ?? "");
    if (!requestId || !assertionId) {
      throw new SamlError("token", "The assertion has no ID or answers no request.");
    }
    // Seen once: whoever inserts the ID goes on (a replay on any instance is refused).
    const seen = await this.#db.run(
      `INSERT INTO saml_assertions (id_hash, expires_at) VALUES (?, ?)
       ON CONFLICT (id_hash) DO NOTHING`,
      [sha256Hex(assertionId), this.#keepAssertionUntil(assertion)],
    );
    if (seen.changes !== 1) {
      throw new SamlError("state", "This assertion was used already.");
    }
    const identity = this.#identityOf(profile, assertion);
    const handoff = randomToken(32);
    const taken = await this.#db.run(
      `UPDATE saml_requests SET answer = ?, handoff_hash = ?, expires_at = ?
       WHERE id_hash = ? AND answer IS NULL AND expires_at > ?`,
      [
        JSON.stringify(identity),
        sha256Hex(handoff),
        this.#now() + HANDOFF_MS,
        sha256Hex(requestId),
        this.#now(),
      ],
    );
    if (taken.changes !== 1) {
      throw new SamlError("state", "This answer's request was used already or has expired.");
    }
    return handoff;
  }

  /**
   * Takes the checked answer of `handoff` for the browser session `sessionId` (once, and only
   * for the session that started the sign-in).
   *
   * @throws {SamlError} (`state`) for an unknown, used, expired or foreign answer.
   */
  async finish(sessionId: string, handoff: string): Promise<SamlIdentity> {
    const handoffHash = sha256Hex(handoff);
    const row = handoff
      ? await this.#db.get<RequestRow>(
        `SELECT session_hash, next_path, answer, expires_at FROM saml_requests
         WHERE handoff_hash = ?`,
        [handoffHash],
      )
      : undefined;
    if (!row?.answer || !secretsEqual(row.session_hash, sha256Hex(sessionId))) {
      throw new SamlError("state", "This sign-in answer matches no sign-in of this browser.");
    }
    const taken = await this.#db.run("DELETE FROM saml_requests WHERE handoff_hash = ?", [
      handoffHash,
    ]);
    if (taken.changes !== 1 || row.expires_at <= this.#now()) {
      throw new SamlError("state", "This sign-in was used already or has expired.");
    }
    const { sessionUntil, ...identity } = JSON.parse(row.answer);
    return {
      ...identity,
      validForMs: sessionUntil === null ? SIGN_IN_MS : sessionUntil - this.#now(),
      nextPath: row.next_path,
    };
  }

  /** Recipient (in the signed assertion) and Destination (on the response) name our ACS. */
  #checkRecipient(profile: Profile, assertion: Parsed): void {
    const acs = this.acsUrl;
    const confirmations: Parsed[] = assertion?.Subject?.[0]?.SubjectConfirmation ?? [];
    const recipients = confirmations.map((confirmation) =>
      confirmation?.SubjectConfirmationData?.[0]?.$?.Recipient
    );
    if (!recipients.includes(acs)) {
      throw new SamlError(
        "token",
        `The assertion is for another recipient: ${String(recipients[0]).slice(0, 200)}`,
      );
    }
    const destination = /<(?:\w+:)?Response\b[^>]*\bDestination="([^"]*)"/.exec(
      profile.getSamlResponseXml?.() ?? "",
    )?.[1];
    if (destination !== undefined && destination !== acs) {
      throw new SamlError("token", `The response is for another destination: ${destination}`);
    }
  }

  /** The assertion's ID is kept until it can no longer pass the time checks. */
  #keepAssertionUntil(assertion: Parsed): number {
    const times = [
      assertion?.Conditions?.[0]?.$?.NotOnOrAfter,
      ...(assertion?.Subject?.[0]?.SubjectConfirmation ?? []).map((confirmation: Parsed) =>
        confirmation?.SubjectConfirmationData?.[0]?.$?.NotOnOrAfter
      ),
    ].map((time) => Date.parse(String(time))).filter(Number.isFinite);
    const skew = this.#settings.acceptedClockSkewMs ?? 60_000;
    // Without a limit in the assertion, as long as a request may wait: its InResponseTo is gone.
    const latest = times.length ? Math.max(...times) : Date.now() + SAML_SIGN_IN_MS;
    return latest - Date.now() + this.#now() + skew;
  }

  #identityOf(profile: Profile, assertion: Parsed) {
    const transient = profile.nameIDFormat === TRANSIENT_FORMAT;
    const email = firstString(profile, EMAIL_ATTRIBUTES) ??
      (profile.nameIDFormat === EMAIL_FORMAT || /^[^@\s]+@[^@\s]+$/.test(profile.nameID ?? "")
        ? profile.nameID
        : undefined);
    const given = firstString(profile, [
      "givenName",
      "urn:oid:2.5.4.42",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
    ]);
    const surname = firstString(profile, [
      "sn",
      "surname",
      "urn:oid:2.5.4.4",
      "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
    ]);
    const sessionEnd = Date.parse(String(assertion?.AuthnStatement?.[0]?.$?.SessionNotOnOrAfter));
    return {
      ...(profile.nameID && !transient ? { subject: `saml:${profile.nameID}` } : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
      emailVerified: email !== undefined,
      name: firstString(profile, NAME_ATTRIBUTES) ??
        [given, surname].filter(Boolean).join(" "),
      // On the service's clock.
      sessionUntil: Number.isFinite(sessionEnd) ? sessionEnd - Date.now() + this.#now() : null,
    };
  }

  /** Deletes requests that never came back and assertion IDs past their time. */
  async sweep(): Promise<void> {
    await this.#db.run("DELETE FROM saml_requests WHERE expires_at <= ?", [this.#now()]);
    await this.#db.run("DELETE FROM saml_assertions WHERE expires_at <= ?", [this.#now()]);
  }
}
