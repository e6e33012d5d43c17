/**
 * Secure Links (spec 4): `https://host/receive/?thread=<packageId>&packageCode=<code>#keyCode=<key>`.
 * Finds them in ticket text or HTML, parses one into its parts, and builds one from the link the
 * server returns and the keyCode, which only ever travels in the fragment.
 *
 * Scanning is linear in the input: candidates are cut at fixed delimiter characters by a plain
 * loop, and no regular expression here can backtrack over more than a few characters, so hostile
 * ticket text cannot stall the page.
 *
 * Browser-compatible: `URL` only.
 *
 * @module
 */

/** The parts of a Secure Link. */
export interface SecureLink {
  /**
   * The whole link, normalised by the URL parser, including the `#keyCode=` fragment: it is a
   * secret, as the link itself is.
   */
  url: string;
  /** Scheme, host and port of the SendSafely-compatible service, e.g. `https://acme.sendsafely.com`. */
  origin: string;
  /** The `thread` parameter, which is the packageId, when the link carries one. */
  packageId?: string;
  /** The `packageCode` parameter. */
  packageCode: string;
  /** The key from the `#keyCode=` (or `#keycode=`) fragment. */
  keyCode: string;
}

/** Options of {@linkcode LinkError}. */
export interface LinkErrorOptions {
  /** The underlying error, if any; never one whose message repeats the link. */
  cause?: unknown;
}

/**
 * A link is not a usable Secure Link. The message says what is wrong and never contains the
 * keyCode.
 */
export class LinkError extends Error {
  /**
   * Creates the error with a message a person can read.
   *
   * @param message What is wrong with the link, without the keyCode.
   * @param options The underlying cause.
   */
  constructor(message: string, options?: LinkErrorOptions) {
    super(message, options);
    this.name = "LinkError";
  }
}

/** What packageCode, thread and keyCode values may contain: URL-safe base64 (spec 2.2, 3.1). */
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** HTML escapes of `&` (ticket HTML writes `&amp;` between query parameters). */
const ESCAPED_AMPERSAND = /&(?:amp|#38|#x26);/gi;

const SCHEME = /https?:\/\//gi;

/** Hosts where plain `http` is acceptable: the machine itself, for development. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Characters that end a URL in running text or HTML: whitespace, quotes, angle brackets. */
function endsUrl(code: number): boolean {
  return code <= 0x20 || code === 0x22 /* " */ || code === 0x27 /* ' */ ||
    code === 0x3c /* < */ || code === 0x3e /* > */ || code === 0x60 /* ` */ ||
    code === 0x5c /* \ */ || code === 0x7f || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff;
}

/** Whether a character can end a Secure Link (the last character of a keyCode). */
function isTokenCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) || code === 0x2d /* - */ || code === 0x5f /* _ */;
}

function decodeEntities(text: string): string {
  return text.replace(ESCAPED_AMPERSAND, "&");
}

/**
 * Why a link is unusable. The readers below return it rather than throw, so that scanning a ticket
 * full of near-misses does not build an exception (and its stack trace) for each one.
 */
interface Problem {
  problem: string;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "problem" in value;
}

/** Checks the scheme, host and credentials; returns the parsed URL. */
function readOrigin(link: string): URL | Problem {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    // The parser's own message repeats the input, keyCode included, so it is not kept as cause.
    return { problem: "This is not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { problem: "A Secure Link must start with https://" };
  }
  if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      problem:
        `A Secure Link must use https: plain http is allowed only for localhost (got ${url.host})`,
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { problem: "A Secure Link must not contain a user name or password" };
  }
  return url;
}

/** The raw value of the first `name=value` pair called `name` in `&`-separated `pairs`. */
function firstValue(pairs: string, name: string): string | undefined {
  for (const pair of pairs.split("&")) {
    const equals = pair.indexOf("=");
    if (equals === name.length && pair.startsWith(name)) return pair.slice(equals + 1);
  }
  return undefined;
}

/** Decodes a parameter value as the SDK does (`+` is a space) and checks its alphabet. */
function readToken(raw: string, label: string): string | Problem {
  let value: string;
  try {
    value = decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return { problem: `The ${label} in the link is not correctly percent-encoded` };
  }
  if (value === "") return { problem: `The ${label} in the link is empty` };
  if (!TOKEN.test(value)) {
    return {
      problem: `The ${label} in the link contains characters other than A-Z, a-z, 0-9, "-" and "_"`,
    };
  }
  return value;
}

/** {@linkcode parseLink} without the exception. */
function readLink(url: string): SecureLink | Problem {
  const decoded = decodeEntities(url.trim());
  // An `&amp;` left after decoding (HTML escaped twice or more) would be decoded again when the
  // returned link is parsed, which could then read other parameters than the ones checked here.
  if (decoded.search(ESCAPED_AMPERSAND) !== -1) {
    return { problem: "The link's ampersands are HTML-escaped more than once" };
  }
  const parsed = readOrigin(decoded);
  if (isProblem(parsed)) return parsed;
  const query = parsed.search.slice(1);
  const fragment = parsed.hash.slice(1);

  const rawPackageCode = firstValue(query, "packageCode");
  if (rawPackageCode === undefined) return { problem: "The link has no packageCode parameter" };
  const packageCode = readToken(rawPackageCode, "packageCode");
  if (isProblem(packageCode)) return packageCode;

  const rawThread = firstValue(query, "thread");
  const packageId = rawThread ? readToken(rawThread, "thread (package id)") : undefined;
  if (isProblem(packageId)) return packageId;

  const rawKeyCode = firstValue(fragment, "keyCode") ?? firstValue(fragment, "keycode");
  if (rawKeyCode === undefined) {
    if (firstValue(query, "keyCode") !== undefined || firstValue(query, "keycode") !== undefined) {
      return {
        problem: "The keyCode is in the query of the link, which is sent to the server; " +
          "it belongs in the #fragment",
      };
    }
    return { problem: "The link has no #keyCode= fragment (was it cut short?)" };
  }
  const keyCode = readToken(rawKeyCode, "keyCode");
  if (isProblem(keyCode)) return keyCode;

  const link: SecureLink = { url: parsed.href, origin: parsed.origin, packageCode, keyCode };
  if (packageId !== undefined) link.packageId = packageId;
  return link;
}

/**
 * Parses one Secure Link. `packageCode` and `thread` come from the query (any order, other
 * parameters allowed), the keyCode from the `#keyCode=` fragment (or `#keycode=`). HTML-escaped
 * ampersands (`&amp;`) are accepted, as found in ticket HTML.
 *
 * @param url The link.
 * @returns Its parts.
 * @throws {LinkError} when the link is not an https URL (http only for localhost), has no
 * packageCode or no keyCode in its fragment, or a value has characters outside URL-safe base64.
 *
 * @example
 * ```ts
 * import { parseLink } from "./link.ts";
 * const link = parseLink(
 *   "https://acme.sendsafely.com/receive/?thread=ABCD-1234&packageCode=PkgCode_abc-123" +
 *     "#keyCode=dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ",
 * );
 * console.assert(link.origin === "https://acme.sendsafely.com");
 * console.assert(link.packageId === "ABCD-1234");
 * ```
 */
export function parseLink(url: string): SecureLink {
  if (typeof url !== "string") throw new LinkError("A Secure Link must be a string");
  const link = readLink(url);
  if (isProblem(link)) throw new LinkError(link.problem);
  return link;
}

/** Cuts `text` into the stretches that could be URLs: from a scheme to a delimiter or the next scheme. */
function candidates(text: string): string[] {
  const starts = Array.from(text.matchAll(SCHEME), (match) => match.index);
  const found: string[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    const limit = index + 1 < starts.length ? starts[index + 1] : text.length;
    let end = start;
    while (end < limit && !endsUrl(text.charCodeAt(end))) end++;
    // Punctuation after a link in prose or markup (".", ")", "]", ";", "&nbsp") is not part of
    // it: a Secure Link ends with its keyCode. A loop, not /[^…]+$/, which would be quadratic.
    while (end > start && !isTokenCharacter(text.charCodeAt(end - 1))) end--;
    found.push(text.slice(start, end));
  }
  return found;
}

/**
 * Finds every Secure Link in plain text or ticket HTML: any host (digits, hyphens, a port), http
 * only for localhost, query parameters in any order, `keyCode` or `keycode`, `&amp;` in HTML, a
 * link both in an `href` and in the anchor text. Each link is returned once (same packageCode and
 * keyCode), normalised as {@linkcode SecureLink.url}, in order of first appearance. Malformed
 * links are skipped.
 *
 * The running time is linear in the length of `text`.
 *
 * @param text Ticket text or HTML.
 * @returns The links found.
 *
 * @example
 * ```ts
 * import { findLinks } from "./link.ts";
 * const html = '<a href="https://x.example/receive/?thread=T-1&amp;packageCode=P1#keyCode=K1">' +
 *   "https://x.example/receive/?thread=T-1&amp;packageCode=P1#keyCode=K1</a>";
 * console.assert(findLinks(html).length === 1);
 * ```
 */
export function findLinks(text: string): string[] {
  const seen = new Set<string>();
  const links: string[] = [];
  for (const candidate of candidates(decodeEntities(text))) {
    // Cheap filter first: most URLs in a ticket are not Secure Links.
    if (!candidate.includes("packageCode=") || !candidate.includes("#")) continue;
    const link = readLink(candidate);
    if (isProblem(link)) continue;
    const key = `${link.packageCode}#${link.keyCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(link.url);
  }
  return links;
}

/**
 * Builds the Secure Link from the link the server returned at finalize (spec 2.7) and the keyCode:
 * `<link>#keyCode=<keyCode>`.
 *
 * @param linkWithoutFragment The link from the server, without a fragment.
 * @param keyCode The package keyCode.
 * @returns The Secure Link.
 * @throws {LinkError} when the link is not an https URL (http only for localhost), already has a
 * fragment, or the keyCode has characters outside URL-safe base64.
 *
 * @example
 * ```ts
 * import { formatLink } from "./link.ts";
 * const link = formatLink("https://x.example/receive/?thread=T-1&packageCode=P1", "K1");
 * console.assert(link === "https://x.example/receive/?thread=T-1&packageCode=P1#keyCode=K1");
 * ```
 */
export function formatLink(linkWithoutFragment: string, keyCode: string): string {
  if (typeof keyCode !== "string" || !TOKEN.test(keyCode)) {
    throw new LinkError('The keyCode must be made of A-Z, a-z, 0-9, "-" and "_"');
  }
  if (typeof linkWithoutFragment !== "string") throw new LinkError("The link must be a string");
  const link = linkWithoutFragment.trim();
  if (link.includes("#")) throw new LinkError("The link from the server already has a #fragment");
  const origin = readOrigin(link);
  if (isProblem(origin)) throw new LinkError(origin.problem);
  return `${link}#keyCode=${keyCode}`;
}
