/**
 * The ways a sign-in through the company's identity provider can fail, whatever the protocol
 * (OpenID Connect, SAML): the portal shows the same refusal page for each.
 *
 * @module
 */

/** Why a sign-in through the provider was refused. */
export type SsoFailure =
  /** The answer matches no sign-in of this browser: used already, expired, or from elsewhere. */
  | "state"
  /** The provider answered with an error (the user was refused or cancelled). */
  | "provider"
  /** The provider's answer (ID token, SAML assertion) did not pass the checks. */
  | "token"
  /** The provider could not be reached. */
  | "unavailable";

/** Thrown when a sign-in through the provider fails; `reason` says which way. */
export class SsoError extends Error {
  override name = "SsoError";
  /** Which way the sign-in failed. */
  readonly reason: SsoFailure;
  /** Creates the error. */
  constructor(reason: SsoFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}
