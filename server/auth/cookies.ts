/**
 * Reading the `Cookie` header and writing `Set-Cookie` for the portal's session cookie.
 *
 * @module
 */

/** Attributes of a cookie the portal sets. */
export interface CookieOptions {
  /** Lifetime in seconds; absent = a browser-session cookie. */
  maxAge?: number;
  /** Adds `Secure` (the service is reached over https). */
  secure: boolean;
  /** `Lax` lets a link from a mail or a ticket carry the session; `Strict` does not. */
  sameSite: "Lax" | "Strict";
}

/**
 * Reads one cookie from a request; the first occurrence wins.
 *
 * @example
 * ```ts
 * readCookie(new Request("http://x", { headers: { cookie: "a=1; b=2" } }), "b"); // "2"
 * ```
 */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const index = pair.indexOf("=");
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * Builds a `Set-Cookie` value: always `HttpOnly` and `Path=/`.
 *
 * @throws {TypeError} when the value holds characters a cookie cannot carry.
 */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new TypeError("A cookie value must be URL-safe.");
  const parts = [`${name}=${value}`, "Path=/", "HttpOnly", `SameSite=${options.sameSite}`];
  if (options.secure) parts.push("Secure");
  if (options.maxAge !== undefined) {
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAge))}`);
  }
  return parts.join("; ");
}
