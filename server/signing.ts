/**
 * Verification of SendSafely request signatures (spec 1.4):
 * `hex(HMAC-SHA256(apiSecret, apiKey + rawPath + timestamp + rawBody))`, where the
 * path keeps the `/api/v2.0` prefix and drops the query, and the body is the exact
 * bytes received (never re-serialised JSON).
 *
 * @module
 */
import { createHmac } from "node:crypto";
import { secretsEqual } from "./ids.ts";

/** The timestamp format SendSafely clients send: `2019-01-14T22:24:00+0000`. */
const TIMESTAMP_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+0000$/;

/**
 * Parses an `ss-request-timestamp` value into ms since the epoch.
 *
 * @returns `undefined` when the value is not in the `yyyy-MM-ddTHH:mm:ss+0000` form.
 */
export function parseTimestamp(value: string): number | undefined {
  const match = TIMESTAMP_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls over invalid dates (Feb 30); refuse those instead.
  return new Date(time).toISOString().slice(0, 19) === value.slice(0, 19) ? time : undefined;
}

/** Formats a time the way clients send `ss-request-timestamp`. */
export function formatTimestamp(time: number): string {
  return new Date(time).toISOString().slice(0, 19) + "+0000";
}

/**
 * Computes a request signature.
 *
 * @example
 * ```ts
 * signRequest("testApiSecret456", "testApiKey123", "/api/v2.0/package/",
 *   "2026-11-25T01:24:09+0000", new TextEncoder().encode('{"vdr":false}'));
 * // "3c74fcd1473466ac367dd00cb6bcca16ed7086bbe79a0f5a8f2a3f793659652d"
 * ```
 */
export function signRequest(
  apiSecret: string,
  apiKey: string,
  path: string,
  timestamp: string,
  body: Uint8Array,
): string {
  return createHmac("sha256", apiSecret)
    .update(apiKey + path + timestamp, "utf8")
    .update(body)
    .digest("hex");
}

/** Tells whether `signature` is the right one, comparing in constant time. */
export function signatureMatches(
  signature: string,
  apiSecret: string,
  apiKey: string,
  path: string,
  timestamp: string,
  body: Uint8Array,
): boolean {
  const expected = signRequest(apiSecret, apiKey, path, timestamp, body);
  return secretsEqual(signature.toLowerCase(), expected);
}
