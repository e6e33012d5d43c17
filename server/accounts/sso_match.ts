/**
 * Which Padlock account an agent signed in through the identity provider (OpenID Connect or
 * SAML) gets: the account linked to the provider's subject; else the account with the same email address, when the
 * provider verified it (the account is then linked); else a new account when the address's domain
 * is allowed. Deactivated accounts are refused.
 *
 * @module
 */
import type { Accounts, User } from "./accounts.ts";

/** Why an identity gets no account. */
export type SsoRefusal =
  /** The provider did not verify the address (or sent none). */
  | "unverified"
  /** No account has the address and its domain is not allowed. */
  | "noAccount"
  /** The account is deactivated. */
  | "deactivated"
  /** The address's account is linked to another subject of the provider. */
  | "otherSubject";

/** The outcome: the account, or why not. */
export type SsoMatch = { user: User; created: boolean } | { refused: SsoRefusal; email?: string };

/** Who the provider says signed in, whatever the protocol. */
export interface ProviderIdentity {
  /**
   * The provider's stable id of the user (OpenID `sub`, `saml:` and the NameID); absent when the
   * provider gives none (a transient SAML NameID): then the account is matched by email only.
   */
  subject?: string;
  /** The email address, lower case, when the provider sent one. */
  email?: string;
  /** Whether the provider vouches for the address. */
  emailVerified: boolean;
  /** The display name, possibly empty. */
  name: string;
}

/** Finds or makes the account of a provider identity (see the module doc). */
export async function matchSsoAccount(
  accounts: Accounts,
  identity: ProviderIdentity,
  allowedDomains: readonly string[],
): Promise<SsoMatch> {
  const { email } = identity;
  const linked = identity.subject === undefined
    ? undefined
    : await accounts.findUserBySubject(identity.subject);
  if (linked) {
    return linked.deactivatedAt === undefined
      ? { user: linked, created: false }
      : { refused: "deactivated", email: linked.email };
  }
  if (!email || !identity.emailVerified) return { refused: "unverified", email };
  const existing = await accounts.findUserByEmail(email);
  if (existing) {
    if (existing.deactivatedAt !== undefined) return { refused: "deactivated", email };
    const subject = await accounts.subjectOf(existing.id);
    if (subject !== undefined && identity.subject !== undefined && subject !== identity.subject) {
      return { refused: "otherSubject", email };
    }
    return { user: existing, created: false };
  }
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (!allowedDomains.includes(domain)) return { refused: "noAccount", email };
  const user = await accounts.createSsoUser({
    email,
    name: identity.name,
    subject: identity.subject,
  });
  return { user, created: true };
}
