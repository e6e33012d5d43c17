/**
 * Single sign-on pages: `GET /signin/oidc` (or `/signin/saml`) sends the browser to the identity
 * provider, `GET /signin/oidc/callback` takes its OpenID answer (the SAML answer comes through
 * `saml_routes.ts`); {@linkcode signInProviderIdentity}, for both, finds the agent's account
 * (`sso_match.ts`) and signs the session in until the provider's token or session ends (so the
 * provider is asked again at least that often). Every refusal is a page saying why, with a
 * button to start again.
 *
 * Also the check of the Zendesk app's API keys: at most every `oidcCheckMinutes`, a request
 * with an agent's key redeems the agent's refresh token at the provider; when the provider
 * refuses it (the user was deactivated there), the Padlock account is deactivated and its keys
 * stop working.
 *
 * @module
 */
import type { User } from "../accounts/accounts.ts";
import { matchSsoAccount, type ProviderIdentity, type SsoRefusal } from "../accounts/sso_match.ts";
import { OIDC_CALLBACK_PATH } from "../auth/oidc.ts";
import { SsoError } from "../auth/sso_error.ts";
import type { LogEntry } from "../log.ts";
import {
  type Portal,
  type PortalRequest,
  type PortalSso,
  useSession,
  withCookies,
} from "./context.ts";
import { type Html, html } from "./html.ts";
import { requestLocale } from "./locale.ts";
import { redirect, safeNextPath } from "./page.ts";
import { messagePage } from "./respond.ts";
import { portalWords } from "./words.ts";

function words(request: PortalRequest) {
  return portalWords(requestLocale(request.req));
}

/** The "Sign in with <provider>" button of the sign-in page, or nothing without single sign-on. */
export function ssoButton(portal: Portal, request: PortalRequest, next?: string): Html | "" {
  const sso = portal.sso;
  if (!sso) return "";
  const t = words(request);
  const href = `/signin/${sso.protocol}${next ? `?${new URLSearchParams({ next })}` : ""}`;
  return html`<div class="actions sso" data-role="sso">${
    sso.only ? html`<p class="muted">${t("sso.onlyProvider", { provider: sso.name })}</p>` : ""
  }
<a class="button primary" data-role="sso-signin" href="${href}">${
    t("sso.signInWith", { provider: sso.name })
  }</a></div>${
    sso.only ? "" : html`<p class="muted" data-role="sso-or">${t("sso.orPassword")}</p>`
  }`;
}

/** The page refusing a password when only single sign-on is allowed. */
export function passwordsOffPage(
  portal: Portal,
  request: PortalRequest,
  sso: PortalSso,
  next?: string,
): Response {
  const t = words(request);
  return messagePage(portal, request, {
    title: t("sso.refusedTitle"),
    message: t("sso.passwordsOff", { provider: sso.name }),
    tone: "error",
    status: 403,
    extra: ssoButton(portal, request, next) || undefined,
  });
}

function callbackUrl(portal: Portal): string {
  return portal.services.publicUrl + OIDC_CALLBACK_PATH;
}

/** `GET /signin/oidc?next=…` or `/signin/saml?next=…`: sends the browser to the provider. */
export async function startSso(portal: Portal, request: PortalRequest): Promise<Response> {
  const sso = portal.sso;
  if (!sso || request.url.pathname !== `/signin/${sso.protocol}`) {
    return withCookies(request, redirect("/signin"));
  }
  const next = safeNextPath(request.url.searchParams.get("next"));
  if (request.user) return withCookies(request, redirect(next ?? "/account"));
  let target: URL;
  try {
    target = sso.protocol === "oidc"
      ? await sso.signIn.start(request.sessionId, callbackUrl(portal), next ?? "")
      : await sso.signIn.start(request.sessionId, next ?? "");
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    return refusal(portal, request, sso, error, next);
  }
  return withCookies(request, redirect(target.href));
}

/** The page refusing a sign-in through the provider, saying why. */
export function refusal(
  portal: Portal,
  request: PortalRequest,
  sso: PortalSso,
  reason: SsoError | { refused: SsoRefusal; email?: string },
  next?: string,
): Response {
  const t = words(request);
  const provider = sso.name;
  let message: string;
  let status = 403;
  if (reason instanceof SsoError) {
    message = {
      state: () => t("sso.stateUsed"),
      provider: () => t("sso.providerRefused", { provider }),
      token: () => t("sso.tokenInvalid", { provider }),
      unavailable: () => t("sso.unavailable", { provider }),
    }[reason.reason]();
    if (reason.reason === "state") status = 400;
    if (reason.reason === "unavailable") status = 503;
  } else {
    const email = reason.email ?? "";
    message = {
      unverified: () => t("sso.unverified", { provider }),
      noAccount: () => t("sso.noAccount", { email }),
      deactivated: () => t("sso.deactivated", { email }),
      otherSubject: () => t("sso.otherSubject", { email, provider }),
    }[reason.refused]();
  }
  const again = `/signin${next ? `?${new URLSearchParams({ next })}` : ""}`;
  return messagePage(portal, request, {
    title: t("sso.refusedTitle"),
    message,
    tone: "error",
    status,
    extra: html`
      <div
        class="actions"><a class="button" data-role="start-again" href="${again}">${t(
          "sso.startAgain",
        )}</a></div>
    `,
  });
}

/** `GET /signin/oidc/callback`: the OpenID provider's answer. */
export async function finishSso(
  portal: Portal,
  request: PortalRequest,
  log: (entry: LogEntry) => void,
): Promise<Response> {
  const sso = portal.sso;
  if (sso?.protocol !== "oidc") return withCookies(request, redirect("/signin"));
  let identity;
  try {
    identity = await sso.signIn.finish(request.sessionId, request.url);
  } catch (error) {
    return refusedByProvider(portal, request, sso, error, log);
  }
  return await signInProviderIdentity(portal, request, sso, identity, log);
}

/**
 * Logs a sign-in the protocol's module refused ({@linkcode SsoError}) and answers with the page
 * saying why.
 *
 * @throws whatever `error` is when it is not an `SsoError` (a fault, not a refusal).
 */
export function refusedByProvider(
  portal: Portal,
  request: PortalRequest,
  sso: PortalSso,
  error: unknown,
  log: (entry: LogEntry) => void,
): Response {
  if (!(error instanceof SsoError)) throw error;
  logRefusal(log, error.reason, error.message);
  return refusal(portal, request, sso, error);
}

/** Who the provider says signed in, checked by the protocol's module, and for how long. */
export interface SignedInIdentity extends ProviderIdentity {
  /** How long the sign-in may last (the ID token, the SAML session), in milliseconds. */
  validForMs: number;
  /** The provider's refresh token, when it gave one (OpenID `offline_access`). */
  refreshToken?: string;
  /** Where the agent was going. */
  nextPath: string;
}

/**
 * After the provider said who this is (OpenID Connect or SAML): finds or makes the account
 * (refusing a deactivated one, an unknown address outside the allowed domains), links it to the
 * provider's subject and signs the browser session in for as long as the provider allows.
 */
export async function signInProviderIdentity(
  portal: Portal,
  request: PortalRequest,
  sso: PortalSso,
  identity: SignedInIdentity,
  log: (entry: LogEntry) => void,
): Promise<Response> {
  const next = safeNextPath(identity.nextPath);
  const match = await matchSsoAccount(portal.services.accounts, identity, sso.allowedDomains);
  if ("refused" in match) {
    logRefusal(log, match.refused, "no account for this identity");
    return refusal(portal, request, sso, match, next);
  }
  if (identity.subject !== undefined) {
    await portal.services.accounts.linkSubject(
      match.user.id,
      identity.subject,
      identity.refreshToken,
    );
  }
  await useSession(
    portal,
    request,
    portal.sessions.signIn(request.sessionId, match.user.id, portal.now() + identity.validForMs),
  );
  request.user = match.user;
  return withCookies(request, redirect(next ?? "/account"));
}

/** Logs a refused sign-in as an `sso` entry with its reason (never a token or an assertion). */
export function logRefusal(log: (entry: LogEntry) => void, reason: string, detail: string): void {
  log({
    time: new Date().toISOString(),
    event: "sso",
    detail: { what: "sign-in refused", reason, message: detail.slice(0, 300) },
  });
}

/**
 * Checks with the provider, at most every `everyMs`, that the agent of an API key may still sign
 * in; deactivates the account when the provider refuses. Returns whether the key may be used.
 * When the provider cannot be reached the key keeps working (checked again next time).
 */
export async function checkAgentWithProvider(
  portal: Portal,
  sso: PortalSso & { protocol: "oidc" },
  everyMs: number,
  user: User,
  log: (entry: LogEntry) => void,
): Promise<boolean> {
  const accounts = portal.services.accounts;
  const token = await accounts.claimProviderCheck(user.id, portal.now() - everyMs);
  if (token === undefined) return true;
  let verdict;
  try {
    verdict = await sso.signIn.stillAllowed(token);
  } catch (error) {
    if (!(error instanceof SsoError)) throw error;
    logRefusal(log, "check_unavailable", error.message);
    return true;
  }
  if (verdict === false) {
    await accounts.deactivate(user.id);
    log({
      time: new Date().toISOString(),
      event: "sso",
      userId: user.id,
      detail: { what: "account deactivated: the identity provider refused its refresh token" },
    });
    return false;
  }
  if (verdict) await accounts.renewProviderToken(user.id, verdict);
  return true;
}
