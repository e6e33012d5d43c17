/**
 * Answers shared by the portal handlers: a page in the frame, a message page, a JSON envelope.
 *
 * @module
 */
import { type Portal, type PortalRequest, withCookies } from "./context.ts";
import { type Html, html } from "./html.ts";
import { htmlResponse, renderPage, securityHeaders } from "./page.ts";
import { csrfTokenOf } from "./context.ts";
import { portalScriptIntegrity } from "./assets.ts";
import { requestLocale } from "./locale.ts";
import { portalWords } from "./words.ts";
import type { Translate } from "../../ui/i18n.ts";
import type { CsrfError } from "../auth/csrf.ts";

/** The bucket's origin when part URLs point at it: the page fetches parts from there. */
function bucketOrigins(portal: Portal): string[] {
  const direct = portal.services.store.direct;
  return direct ? [direct.origin] : [];
}

/** Options of {@linkcode page}. */
export interface PageAnswer {
  /** Title of the tab and the card. */
  title: string;
  /** The card's content. */
  body: Html;
  /** HTTP status. @default {200} */
  status?: number;
  /** `data-page` for the portal script. */
  script?: string;
}

/** Renders a page for this request (its CSRF token, its signed-in agent, its cookies). */
export function page(portal: Portal, request: PortalRequest, answer: PageAnswer): Response {
  const rendered = renderPage({
    title: answer.title,
    body: answer.body,
    script: answer.script,
    scriptIntegrity: answer.script ? portalScriptIntegrity(portal.assetsDir) : undefined,
    csrfToken: csrfTokenOf(portal, request),
    signedInAs: request.user?.email,
    locale: requestLocale(request.req),
    path: request.url.pathname + request.url.search,
  });
  return withCookies(
    request,
    htmlResponse(
      rendered,
      portal.services.publicUrl,
      answer.status ?? 200,
      {},
      bucketOrigins(portal),
    ),
  );
}

/** Renders a page with one heading and one paragraph; `tone` colours its icon. */
export function messagePage(
  portal: Portal,
  request: PortalRequest,
  options: {
    title: string;
    message: string;
    tone?: "info" | "error";
    status?: number;
    extra?: Html;
  },
): Response {
  const { title, message, tone = "info", status, extra } = options;
  return page(portal, request, {
    title,
    status,
    body: html`<div class="state ${tone === "error" ? "error" : ""}" data-role="state">
<div class="icon" aria-hidden="true">${tone === "error" ? "!" : "i"}</div>
<h1>${title}</h1><p class="muted" data-role="message">${message}</p>${extra ?? ""}</div>`,
  });
}

/** A JSON answer of the portal's own API (`{response, message, …}`), with the portal headers. */
export function json(
  portal: Portal,
  request: PortalRequest | undefined,
  body: Record<string, unknown>,
  status = 200,
): Response {
  const headers = new Headers(securityHeaders(portal.services.publicUrl, bucketOrigins(portal)));
  headers.set("Content-Type", "application/json");
  const response = new Response(JSON.stringify(body), { status, headers });
  return request ? withCookies(request, response) : response;
}

/** The portal's words in the language of the visitor who sent `request`. */
export function wordsFor(request: PortalRequest): Translate {
  return portalWords(requestLocale(request.req));
}

/** The page refusing a form that failed the CSRF check, in the visitor's language. */
export function refusedPage(portal: Portal, request: PortalRequest, error: CsrfError): Response {
  const t = wordsFor(request);
  return messagePage(portal, request, {
    title: t("page.refused"),
    message: t(error.reason === "foreign" ? "page.refusedForeign" : "page.refusedExpired"),
    tone: "error",
    status: 403,
  });
}

/** Minutes, rounded up, for "try again in N minutes". */
export function minutesFrom(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}
