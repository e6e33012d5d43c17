/**
 * The portal: the pages the service serves to people (receive, sign in, account, activation,
 * connect the Zendesk app), the JSON calls behind them, the agent app's pairing endpoints, and
 * the `authorizeSession` hook through which the SendSafely API serves a browser whose session
 * was granted a package.
 *
 * `startServer` builds it once its services exist and mounts it with {@linkcode PortalHandle.mount}.
 *
 * @module
 */
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { hashPassword } from "../accounts/passwords.ts";
import { Activations, inviteAgent } from "../auth/activations.ts";
import { clientAddress } from "../auth/client_address.ts";
import { VerificationCodes } from "../auth/codes.ts";
import { readCookie, serializeCookie } from "../auth/cookies.ts";
import { CsrfGuard } from "../auth/csrf.ts";
import { Pairings } from "../auth/pairings.ts";
import { RateLimiter, sweepRateWindows } from "../auth/rate_limit.ts";
import { sweepUsageWindows } from "../limits.ts";
import { SessionStore } from "../auth/sessions.ts";
import { SignInThrottle } from "../auth/sign_in_throttle.ts";
import { ConfigError, type ResolvedConfig } from "../config.ts";
import type { Services } from "../context.ts";
import { ServiceError } from "../http.ts";
import { randomToken } from "../ids.ts";
import { type LogEntry, stackFrames } from "../log.ts";
import { createMailer, MailQueue } from "../mail/mod.ts";
import { activationMail } from "../mail/templates.ts";
import {
  showAccount,
  showActivate,
  showSignIn,
  submitActivate,
  submitActivationRequest,
  submitDropzoneSettings,
  submitRevoke,
  submitSignIn,
  submitSignOut,
} from "./account_routes.ts";
import { DEFAULT_ASSETS_DIR, serveAsset } from "./assets.ts";
import {
  pairingPreflight,
  pollPairing,
  showConnect,
  startPairing,
  submitConnect,
} from "./connect_routes.ts";
import type { Portal, PortalRequest } from "./context.ts";
import { withCookies } from "./context.ts";
import { outboxJson, outboxPage } from "./dev_routes.ts";
import { chooseLanguage } from "./locale.ts";
import { decideAccess } from "./package_access.ts";
import { redirect } from "./page.ts";
import { packageAccess, requestCode, showReceive, verifyCode } from "./receive_routes.ts";
import { checkAgentWithProvider, finishSso, startSso } from "./sso_routes.ts";
import { acceptSamlAnswer, finishSaml, samlMetadata } from "./saml_routes.ts";
import { ssoOf } from "./sso_setup.ts";
import { isUploadPath, showUpload } from "./upload_routes.ts";
import { json, messagePage, wordsFor } from "./respond.ts";

export { escapeHtml, html } from "./html.ts";
export type { ReceiveAccess } from "./package_access.ts";

/** Information Deno gives a handler about the connection. */
export interface ConnectionInfo {
  /** The peer's address. */
  remoteAddr: Deno.Addr;
}

/** The portal, ready to be mounted into the service. */
export interface PortalHandle {
  /** Answers a portal request, or `undefined` when the path is not the portal's. */
  handle(req: Request, info?: ConnectionInfo): Promise<Response | undefined>;
  /** Tells whether the browser session of `req` may read `packageId` (the API's hook). */
  authorizeSession(req: Request, packageId: string): Promise<boolean>;
  /**
   * Returns the configuration with the portal mounted: after the `extraRoutes` given to
   * `startServer`, and beside its `authorizeSession` (either may grant).
   */
  mount(config: ResolvedConfig): ResolvedConfig;
  /** Invites an agent: creates the account if needed and mails an activation link. */
  invite(email: string, name?: string): Promise<{ link: string; created: boolean }>;
  /** Sends the mail still queued and closes the mailer. */
  close(): Promise<void>;
}

/** Name of the CSRF key file in the data directory. */
export const CSRF_KEY_FILE = "portal.key";

/** How often expired sessions, codes and pairings are deleted, in milliseconds. */
const SWEEP_EVERY_MS = 10 * 60_000;

/** Shape of a session cookie value. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The CSRF key: derived from the shared secret key when instances share a database (every
 * instance must accept the tokens of the others), else the key file of the data directory.
 */
async function loadKey(config: ResolvedConfig): Promise<Uint8Array> {
  if (config.databaseUrl && config.secretKey) {
    // HMAC with a label: the derived key says nothing about the key that seals API secrets.
    return new Uint8Array(
      createHmac("sha256", config.secretKey).update("padlock portal CSRF key v1").digest(),
    );
  }
  const path = join(config.dataDir, CSRF_KEY_FILE);
  try {
    await Deno.writeTextFile(path, randomToken(32) + "\n", { createNew: true, mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
  }
  const text = (await Deno.readTextFile(path)).trim();
  return new TextEncoder().encode(text);
}

/**
 * Builds the portal over the service's services.
 *
 * @throws {ConfigError} when the SMTP settings are invalid.
 */
export async function createPortal(
  services: Services,
  log: (entry: LogEntry) => void,
): Promise<PortalHandle> {
  const { config, db, accounts } = services;
  const now = config.now;
  if (config.smtpTls !== undefined && !["implicit", "starttls", "none"].includes(config.smtpTls)) {
    throw new ConfigError(
      `smtpTls must be implicit, starttls or none: current value is ${config.smtpTls}`,
    );
  }
  let mailer;
  try {
    mailer = createMailer(config, config.dataDir, now);
  } catch (cause) {
    throw new ConfigError((cause as Error).message, { cause });
  }
  const mail = new MailQueue(db, services.secrets, mailer, (error) => {
    log({
      time: new Date().toISOString(),
      event: "error",
      errorName: error instanceof Error ? error.name : typeof error,
      stack: stackFrames(error),
      detail: { what: "mail not delivered", mailer: mailer.description },
    });
  });
  // Finalized dropzone packages announce themselves through it (server/notices/announce.ts).
  services.mail = mail;
  const key = await loadKey(config);
  let dummyHash: Promise<string> | undefined;
  const minute = 60_000;
  const limiter = (name: string, limit: number, windowMs: number) =>
    new RateLimiter(db, { name, limit, windowMs, now });
  const portal: Portal = {
    services,
    sessions: new SessionStore(db, now),
    codes: new VerificationCodes(db, now),
    pairings: new Pairings(db, accounts, now),
    activations: new Activations(db, accounts, now),
    csrf: new CsrfGuard(key, () => [services.publicUrl]),
    mail,
    signInThrottle: new SignInThrottle(db, { now }),
    limits: {
      codeRequestsPerEmail: limiter("code-requests-per-email", 5, 15 * minute),
      codeRequestsPerClient: limiter("code-requests-per-client", 20, 15 * minute),
      codeChecksPerClient: limiter("code-checks-per-client", 40, 15 * minute),
      accessChecksPerClient: limiter("access-checks-per-client", 300, 10 * minute),
      activationsPerEmail: limiter("activations-per-email", 3, 60 * minute),
      activationsPerClient: limiter("activations-per-client", 10, 60 * minute),
      pairingsPerClient: limiter("pairings-per-client", 20, 10 * minute),
      pollsPerClient: limiter("polls-per-client", 600, 10 * minute),
      connectFailuresPerUser: limiter("connect-failures-per-user", 20, 10 * minute),
    },
    get cookieName() {
      return services.publicUrl.startsWith("https:") ? "__Host-padlock_session" : "padlock_session";
    },
    get secureCookies() {
      return services.publicUrl.startsWith("https:");
    },
    devOutbox: config.devOutbox === true,
    assetsDir: config.portalAssetsDir ?? DEFAULT_ASSETS_DIR,
    now,
    dummyPasswordHash: () => dummyHash ??= hashPassword(randomToken(32)),
    sso: await ssoOf(config, db, now, () => services.publicUrl),
  };
  const sso = portal.sso;
  const checkEveryMs = (config.oidcCheckMinutes ?? 15) * 60_000;
  if (sso?.protocol === "oidc" && checkEveryMs > 0) {
    // The API asks before it serves an agent's key (server/callers.ts).
    services.checkAgent = (user) => checkAgentWithProvider(portal, sso, checkEveryMs, user, log);
  }

  let lastSweep = now();
  async function sweepNowAndThen(): Promise<void> {
    if (now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now();
    await portal.sessions.sweep();
    await portal.codes.sweep();
    await portal.pairings.sweep();
    await portal.signInThrottle.sweep();
    await portal.sso?.signIn.sweep();
    await sweepRateWindows(db, now());
    await sweepUsageWindows(db, now());
  }

  function sessionIdOf(req: Request): string | undefined {
    const value = readCookie(req, portal.cookieName);
    return value && SESSION_ID_PATTERN.test(value) ? value : undefined;
  }

  async function prepare(req: Request, url: URL, info?: ConnectionInfo): Promise<PortalRequest> {
    const existing = sessionIdOf(req);
    const sessionId = existing ?? portal.sessions.newAnonymousId();
    const session = existing ? await portal.sessions.find(existing) : undefined;
    const found = session?.userId ? await accounts.getUser(session.userId) : undefined;
    const user = found?.deactivatedAt === undefined ? found : undefined;
    const request: PortalRequest = {
      req,
      url,
      address: clientAddress(req, info, config.trustProxy === true),
      sessionId,
      session,
      user,
      setCookies: [],
    };
    if (!existing) {
      // A visitor's first page: the id anchors the CSRF token of the forms it will send.
      request.setCookies.push(serializeCookie(portal.cookieName, sessionId, {
        secure: portal.secureCookies,
        sameSite: "Lax",
      }));
    }
    return request;
  }

  type Route = (portal: Portal, request: PortalRequest) => Response | Promise<Response>;
  const pages: Record<string, Route | undefined> = {
    "GET /": (_, request) => withCookies(request, redirect("/account")),
    "GET /receive": showReceive,
    "GET /receive/": showReceive,
    "GET /signin": showSignIn,
    "GET /signin/oidc": startSso,
    "GET /signin/oidc/callback": (portal, request) => finishSso(portal, request, log),
    "GET /signin/saml": startSso,
    "GET /signin/saml/done": (portal, request) => finishSaml(portal, request, log),
    "GET /saml/metadata": portal.sso?.protocol === "saml" ? samlMetadata : undefined,
    "POST /signin": submitSignIn,
    "POST /signout": submitSignOut,
    "GET /account": showAccount,
    "POST /account/keys/revoke": submitRevoke,
    "POST /account/dropzones/settings": submitDropzoneSettings,
    "GET /activate": showActivate,
    "POST /activate": submitActivate,
    "POST /activate/request": submitActivationRequest,
    "GET /connect": showConnect,
    "GET /language": chooseLanguage,
    "POST /connect": submitConnect,
    "GET /dev/outbox": portal.devOutbox ? outboxPage : undefined,
  };
  const apis: Record<string, Route | undefined> = {
    "POST /portal/api/access": packageAccess,
    "POST /portal/api/code": requestCode,
    "POST /portal/api/verify": verifyCode,
    "GET /dev/outbox.json": portal.devOutbox ? outboxJson : undefined,
  };
  const pairing: Record<string, Route | undefined> = {
    "POST /auth/pairing": startPairing,
    "POST /auth/pairing/poll": pollPairing,
    // Posted from the identity provider's site: a session cookie set here would replace the
    // browser's own (not sent along, SameSite=Lax), which the sign-in must come back to.
    "POST /saml/acs": (portal, request) => acceptSamlAnswer(portal, request, log),
  };

  async function handle(req: Request, info?: ConnectionInfo): Promise<Response | undefined> {
    const url = new URL(req.url);
    const path = url.pathname;
    if (req.method === "OPTIONS" && (path === "/auth/pairing" || path === "/auth/pairing/poll")) {
      return pairingPreflight();
    }
    if (req.method === "GET" && path.startsWith("/assets/")) return await serveAsset(portal, path);
    const key = `${req.method} ${path}`;
    const route = pairing[key] ?? apis[key] ?? pages[key] ??
      (req.method === "GET" && isUploadPath(path) ? showUpload : undefined);
    if (!route) return undefined;
    await sweepNowAndThen();
    if (pairing[key]) {
      // No cookie is read or set: the device code is the only credential.
      const request: PortalRequest = {
        req,
        url,
        address: clientAddress(req, info, config.trustProxy === true),
        sessionId: "",
        setCookies: [],
      };
      return await route(portal, request);
    }
    const request = await prepare(req, url, info);
    try {
      return await route(portal, request);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (apis[key]) return json(portal, request, { response: error.code, message: error.message });
      const t = wordsFor(request);
      return messagePage(portal, request, {
        title: t("page.refused"),
        // The service's own sentence is English: the visitor reads one in their language.
        message: t("api.refused"),
        tone: "error",
        status: error.status,
      });
    }
  }

  async function authorizeSession(req: Request, packageId: string): Promise<boolean> {
    const sessionId = sessionIdOf(req);
    const session = await portal.sessions.find(sessionId);
    if (!session) return false;
    const record = await services.packages.findById(packageId);
    if (!record) return false;
    const found = session.userId ? await accounts.getUser(session.userId) : undefined;
    const user = found?.deactivatedAt === undefined ? found : undefined;
    return await decideAccess(portal, record, sessionId, session, user) === "open";
  }

  /** The browser's verified email for `packageId`, or its signed-in agent's (activity records). */
  async function sessionActor(req: Request, packageId: string): Promise<string | undefined> {
    const sessionId = sessionIdOf(req);
    const session = await portal.sessions.find(sessionId);
    if (!session) return undefined;
    const user = session.userId ? await accounts.getUser(session.userId) : undefined;
    return user?.email ?? await portal.sessions.grantOf(sessionId, packageId) ?? undefined;
  }

  return {
    handle,
    authorizeSession,
    mount(outer: ResolvedConfig): ResolvedConfig {
      return {
        ...outer,
        // The routes given to startServer come first, so a test or the sandbox can stand in
        // for a portal route.
        extraRoutes: async (req, info) =>
          await outer.extraRoutes?.(req, info) ?? await handle(req, info),
        authorizeSession: async (req, packageId) =>
          await authorizeSession(req, packageId) ||
          (await outer.authorizeSession?.(req, packageId)) === true,
        sessionActor: async (req, packageId) =>
          await sessionActor(req, packageId) ?? await outer.sessionActor?.(req, packageId),
      };
    },
    async invite(email: string, name?: string) {
      const { user, token, created } = await inviteAgent(accounts, portal.activations, {
        email,
        name,
      });
      const link = `${services.publicUrl}/activate?${new URLSearchParams({ token })}`;
      mail.enqueue(activationMail({
        to: user.email,
        link,
        systemName: config.systemName,
        days: 7,
      }));
      return { link, created };
    },
    close: () => mail.close(),
  };
}
