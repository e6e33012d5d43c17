/**
 * What every portal handler receives: the portal's services (sessions, codes, pairings, mail,
 * limits) and, per request, who is asking (session, signed-in agent, client address) and the
 * cookies to set on the answer.
 *
 * @module
 */
import type { User } from "../accounts/accounts.ts";
import type { Activations } from "../auth/activations.ts";
import type { VerificationCodes } from "../auth/codes.ts";
import type { CsrfGuard } from "../auth/csrf.ts";
import type { OidcSignIn } from "../auth/oidc.ts";
import type { SamlSignIn } from "../auth/saml.ts";
import type { Pairings } from "../auth/pairings.ts";
import type { RateLimiter } from "../auth/rate_limit.ts";
import type { IssuedSession, Session, SessionStore } from "../auth/sessions.ts";
import type { SignInThrottle } from "../auth/sign_in_throttle.ts";
import { serializeCookie } from "../auth/cookies.ts";
import type { Services } from "../context.ts";
import type { MailQueue } from "../mail/mod.ts";

/** The rate limits of the portal, one limiter per kind of request and key. */
export interface PortalLimits {
  /** Code requests per address (5 per 15 minutes). */
  codeRequestsPerEmail: RateLimiter;
  /** Code requests per client (20 per 15 minutes). */
  codeRequestsPerClient: RateLimiter;
  /** Code tries per client (40 per 15 minutes), on top of the 5 tries per code. */
  codeChecksPerClient: RateLimiter;
  /** Package look-ups per client (300 per 10 minutes). */
  accessChecksPerClient: RateLimiter;
  /** Activation mails per address (3 per hour). */
  activationsPerEmail: RateLimiter;
  /** Activation requests per client (10 per hour). */
  activationsPerClient: RateLimiter;
  /** Pairings started per client (20 per 10 minutes). */
  pairingsPerClient: RateLimiter;
  /** Pairing polls per client (600 per 10 minutes). */
  pollsPerClient: RateLimiter;
  /** Wrong codes typed on the connect page per agent (20 per 10 minutes). */
  connectFailuresPerUser: RateLimiter;
}

/** Single sign-on through the company's identity provider, when configured. */
export type PortalSso =
  & PortalSsoSettings
  & (
    /** OpenID Connect sign-ins. */
    | { protocol: "oidc"; signIn: OidcSignIn }
    /** SAML 2.0 sign-ins. */
    | { protocol: "saml"; signIn: SamlSignIn }
  );

/** What single sign-on does whatever the protocol. */
export interface PortalSsoSettings {
  /** The provider's name on the button. */
  name: string;
  /** Email domains (lower case) whose agents get an account at their first sign-in. */
  allowedDomains: string[];
  /** Whether passwords are refused. */
  only: boolean;
}

/** The portal's shared services. */
export interface Portal {
  /** The service's services (database, accounts, packages, configuration). */
  services: Services;
  /** Browser sessions. */
  sessions: SessionStore;
  /** Email codes. */
  codes: VerificationCodes;
  /** Device pairings. */
  pairings: Pairings;
  /** Activation links. */
  activations: Activations;
  /** CSRF tokens and origin checks. */
  csrf: CsrfGuard;
  /** Outgoing mail. */
  mail: MailQueue;
  /** Sign-in backoff. */
  signInThrottle: SignInThrottle;
  /** Rate limits. */
  limits: PortalLimits;
  /** The session cookie's name (`__Host-` prefixed over https). */
  cookieName: string;
  /** Whether cookies get `Secure`. */
  secureCookies: boolean;
  /** Whether `/dev/outbox` is served. */
  devOutbox: boolean;
  /** The folder of the built portal script. */
  assetsDir: string;
  /** The clock. */
  now: () => number;
  /** Single sign-on, when configured. */
  sso?: PortalSso;
  /** A hash of an unknown password, checked when an address has no account (same time either way). */
  dummyPasswordHash: () => Promise<string>;
}

/** One request to the portal. */
export interface PortalRequest {
  /** The request. */
  req: Request;
  /** Its URL. */
  url: URL;
  /** The client's address (for rate limits). */
  address: string;
  /** The session cookie's value; a fresh one when the browser had none. */
  sessionId: string;
  /** The live session with rights, if any. */
  session?: Session;
  /** The agent signed in, if any. */
  user?: User;
  /** `Set-Cookie` values for the answer. */
  setCookies: string[];
}

/** The CSRF token of the request's session. */
export function csrfTokenOf(portal: Portal, request: PortalRequest): string {
  return portal.csrf.tokenFor(request.sessionId);
}

/** Switches the request to a newly issued session id and sets its cookie. */
export async function useSession(
  portal: Portal,
  request: PortalRequest,
  issued: IssuedSession | Promise<IssuedSession>,
): Promise<void> {
  const { id, maxAge } = await issued;
  request.sessionId = id;
  request.session = await portal.sessions.find(id);
  request.setCookies.push(
    serializeCookie(portal.cookieName, id, {
      maxAge,
      secure: portal.secureCookies,
      sameSite: "Lax",
    }),
  );
}

/** Adds the request's cookies to a response. */
export function withCookies(request: PortalRequest, response: Response): Response {
  for (const cookie of request.setCookies) response.headers.append("Set-Cookie", cookie);
  return response;
}
