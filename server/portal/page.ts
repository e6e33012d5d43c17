/**
 * The frame of every portal page and the headers of every portal response: a strict Content
 * Security Policy (no inline script or style, no framing), no caching, and a referrer for this
 * service only (`same-origin`: an activation link's token never reaches another site, while the
 * browser still sends the `Origin` header that the CSRF check reads; `no-referrer` would make it
 * send `Origin: null` on form posts).
 *
 * @module
 */
import { type Html, html } from "./html.ts";

/** Headers every portal response carries. */
export function securityHeaders(publicUrl: string): Record<string, string> {
  const https = publicUrl.startsWith("https:");
  const connect = ["'self'", publicUrl].filter(Boolean).join(" ");
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
  const whoami = signedInAs
    ? html`<div class="whoami"><span data-role="signed-in-as">${signedInAs}</span>
      <a href="/account">Account</a>
      <form method="post" action="/signout"><input type="hidden" name="csrf" value="${
      csrfToken ?? ""
    }"><button class="link-button" type="submit">Sign out</button></form></div>`
    : "";
  return html`
    <!doctype html>
    <html lang="en">
      <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="same-origin">
    ${csrfToken ? html`<meta name="csrf-token" content="${csrfToken}">` : ""}
    <title>${title} · Padlock</title>
    <link rel="stylesheet" href="/assets/portal.css">
    ${script
      ? options.scriptIntegrity
        ? html`<script type="module" src="/assets/portal.js" integrity="${options.scriptIntegrity}"></script>`
        : html`<script type="module" src="/assets/portal.js"></script>`
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
          <footer>End-to-end encrypted: files are decrypted in your browser.</footer>
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
): Response {
  const headers = new Headers(extra);
  for (const [name, value] of Object.entries(securityHeaders(publicUrl))) headers.set(name, value);
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
