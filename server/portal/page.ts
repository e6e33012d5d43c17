/**
 * The frame of every portal page and the headers of every portal response: a strict Content
 * Security Policy (no inline script or style, no framing), no caching, and a referrer for this
 * service only (`same-origin`: an activation link's token never reaches another site, while the
 * browser still sends the `Origin` header that the CSRF check reads; `no-referrer` would make it
 * send `Origin: null` on form posts).
 *
 * @module
 */
import { direction } from "../../ui/i18n.ts";
import { Html, html } from "./html.ts";
import { localeName, messagesJson, PAGE_LOCALES, pageLocale, portalWords } from "./words.ts";

/**
 * The pages' icon, inline (a small orange padlock), so that no page makes the browser ask for a
 * `/favicon.ico` that does not exist. The sandbox's pages use it too.
 */
export const FAVICON_HREF = "data:image/svg+xml," + encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>" +
    "<path d='M5 7V5a3 3 0 0 1 6 0v2' fill='none' stroke='#e35b2e' stroke-width='2'/>" +
    "<rect x='3' y='7' width='10' height='8' rx='1.5' fill='#e35b2e'/></svg>",
);

/**
 * Headers every portal response carries.
 *
 * @param connectOrigins other origins the page fetches from (the bucket, when part URLs point at it).
 */
export function securityHeaders(
  publicUrl: string,
  connectOrigins: readonly string[] = [],
): Record<string, string> {
  const https = publicUrl.startsWith("https:");
  const connect = ["'self'", publicUrl, ...connectOrigins].filter(Boolean).join(" ");
  return {
    "Content-Security-Policy": [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${connect}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; "),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/** What a page shows besides its body. */
export interface PageOptions {
  /** The `<title>` and the heading of the tab. */
  title: string;
  /** The content of the card. */
  body: Html;
  /** `data-page` for the portal script; the script is loaded only when set. */
  script?: string;
  /** The `integrity` of the portal script (`sha384-…`), when it is built. */
  scriptIntegrity?: string;
  /** The CSRF token of the session, for the page script and the sign-out form. */
  csrfToken?: string;
  /** The agent signed in, shown in the top bar with "Account" and "Sign out". */
  signedInAs?: string;
  /** Wider layout (the receive page lists files). */
  wide?: boolean;
  /**
   * The visitor's locale (see `locale.ts`): the frame's words and `<html lang dir>`, and the
   * messages the page's script reads.
   * @default {"en"}
   */
  locale?: string;
  /** The path and query of this page, for the language menu to come back to. */
  path?: string;
}

const LOCK_ICON = html`
  <svg width="20" height="20" viewBox="0 0 16 16" aria-hidden="true"
    focusable="false">
    <path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5
    1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8
    1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z" />
  </svg>
`;

/** Renders a whole page. */
export function renderPage(options: PageOptions): Html {
  const { title, body, script, csrfToken, signedInAs } = options;
  const locale = pageLocale(options.locale ?? "en");
  const t = portalWords(locale);
  const whoami = signedInAs
    ? html`<div class="whoami"><span data-role="signed-in-as">${signedInAs}</span>
      <a href="/account">${t("frame.account")}</a>
      <form method="post" action="/signout"><input type="hidden" name="csrf" value="${
      csrfToken ?? ""
    }"><button class="link-button" type="submit">${t("frame.signOut")}</button></form></div>`
    : "";
  // A plain form, so that it works on pages without a script; the receive page's script
  // keeps the link's key (in the fragment) by sending it in the background and reloading.
  const menu = html`
    <form class="language" method="get" action="/language"
      data-role="language-menu"><label>${t("frame.language")} <select name="set">${PAGE_LOCALES.map(
        (code) =>
          html`
            <option value="${code}" lang="${code}" ${code === locale
              ? html`
                selected
              `
              : ""}>${localeName(code)}</option>
          `,
      )}</select></label><input type="hidden" name="next" value="${options.path ?? "/"}"><button
          class="link-button" type="submit">${t("frame.change")}</button></form>
  `;
  return html`
    <!doctype html>
    <html lang="${locale}" dir="${direction(locale)}">
      <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="same-origin">
    ${csrfToken ? html`<meta name="csrf-token" content="${csrfToken}">` : ""}
    <title>${title} · Padlock</title>
    <link rel="icon" href="${FAVICON_HREF}">
    <link rel="stylesheet" href="/assets/portal.css">
    ${script
      ? options.scriptIntegrity
        ? html`<script type="module" src="/assets/portal.js" integrity="${options.scriptIntegrity}"></script>`
        : html`<script type="module" src="/assets/portal.js"></script>`
      : ""}
    ${script
      // Data for the script, never run: JSON with every "<" escaped.
      ? html`<script type="application/json" id="padlock-messages">${new Html(
        messagesJson(locale),
      )}</script>`
      : ""}
      </head>
      <body${script
        ? html`
          data-page="${script}"
        `
        : ""}>
        <header
          class="topbar"><a class="brand" href="/account">${LOCK_ICON}<span>Padlock</span></a>${whoami}</header>
        <main${options.wide
          ? html`
            class="wide"
          `
          : ""}>
          <div class="card" id="app">${body}</div>
          </main>
          <footer>${t("frame.footer")} ${menu}</footer>
          </body>
          </html>
  `;
}

/** Builds an HTML response with the security headers. */
export function htmlResponse(
  page: Html,
  publicUrl: string,
  status = 200,
  extra: HeadersInit = {},
  connectOrigins: readonly string[] = [],
): Response {
  const headers = new Headers(extra);
  for (const [name, value] of Object.entries(securityHeaders(publicUrl, connectOrigins))) {
    headers.set(name, value);
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(page.value, { status, headers });
}

/** A 303 redirect (after a form) to a path of this service. */
export function redirect(path: string, extra: HeadersInit = {}): Response {
  const headers = new Headers(extra);
  headers.set("Location", path);
  headers.set("Cache-Control", "no-store");
  return new Response(null, { status: 303, headers });
}

/**
 * Keeps a `next` value only when it is a path of this service (no scheme, no host, no `//`),
 * so a sign-in cannot be turned into a redirect to another site.
 *
 * @example
 * ```ts
 * safeNextPath("/connect?code=BCDF-GHJK"); // "/connect?code=BCDF-GHJK"
 * safeNextPath("//evil.example/"); // undefined
 * ```
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return undefined;
  if (value.startsWith("//") || value.startsWith("/\\") || /[\p{Cc}\\]/u.test(value)) {
    return undefined;
  }
  try {
    const url = new URL(value, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid") return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}
