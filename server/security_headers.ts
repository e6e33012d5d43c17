/**
 * The security headers of every response of the service, added in one place (`app.ts`) after a
 * route has answered, so that no route can forget them. A header a route set itself is kept
 * (the portal pages' own Content Security Policy and `Referrer-Policy`); a missing one is added
 * with the value that suits the kind of path:
 *
 * | kind | who reads it | `Cross-Origin-Resource-Policy` | `Content-Security-Policy` (when the route set none) |
 * | --- | --- | --- | --- |
 * | `cross-origin`: the API, part URLs, pairing, the widget's files | Help Centers, the Zendesk app, the SDK, on other origins | `cross-origin` | `default-src 'none'; frame-ancestors 'none'` (scripts: `frame-ancestors 'none'` only) |
 * | `same-origin`: portal pages, their assets, everything else | the service's own pages | `same-origin` | `default-src 'none'; frame-ancestors 'none'` (scripts: `frame-ancestors 'none'` only) |
 *
 * and on every response `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
 * `Cross-Origin-Opener-Policy: same-origin`, a `Permissions-Policy` that turns off every powerful
 * feature (no page of the service uses one), and behind https `Strict-Transport-Security`.
 * Scripts get no `default-src`: a worker's policy comes from its script's response, and the
 * portal's workers must keep the rights their page gives them. No page of the service is ever
 * framed (the agent app frames its own files, on its own origin), hence `frame-ancestors 'none'`
 * everywhere.
 *
 * @module
 */
import { PART_PATH } from "./parts/routes.ts";
import { WIDGET_PATH } from "./widget.ts";

/** HSTS for a year, as the portal pages always sent it. */
export const HSTS = "max-age=31536000";

/** Every powerful feature off: the service's pages need none of them. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
].join(", ");

/** The policy of a response that is not a page: nothing may load from it, nothing may frame it. */
export const NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The policy of a script: not framed; its other rights are its page's (or, for a worker, open). */
export const SCRIPT_POLICY = "frame-ancestors 'none'";

/** Paths read from other origins (with CORS or as scripts): they must stay loadable there. */
const CROSS_ORIGIN_PREFIXES = [
  "/api/v2.0",
  "/drop-zone/v2.0",
  PART_PATH,
  WIDGET_PATH,
  "/auth/pairing",
];

/** Whether `pathname` is read from other origins (API, parts, pairing, the widget's files). */
export function isCrossOriginPath(pathname: string): boolean {
  return CROSS_ORIGIN_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** The headers `pathname` gets when its route did not set them. */
export function securityHeadersFor(
  pathname: string,
  contentType: string,
  https: boolean,
): Record<string, string> {
  const script = /^(text|application)\/javascript\b/i.test(contentType);
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": isCrossOriginPath(pathname) ? "cross-origin" : "same-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Content-Security-Policy": script ? SCRIPT_POLICY : NOTHING_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Adds the security headers `response` lacks (see the module's table) and returns it; a
 * response whose headers cannot change (one fetched from elsewhere) is copied first.
 */
export function withSecurityHeaders(
  response: Response,
  pathname: string,
  https: boolean,
): Response {
  const wanted = securityHeadersFor(pathname, response.headers.get("content-type") ?? "", https);
  const missing = Object.entries(wanted).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  let target = response;
  try {
    for (const [name, value] of missing) target.headers.set(name, value);
  } catch {
    // Immutable headers (a fetched response): answer with a copy that can take them.
    target = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
    for (const [name, value] of missing) target.headers.set(name, value);
  }
  return target;
}
