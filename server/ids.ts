/**
 * Random identifiers and tokens, and constant-time comparison of secrets.
 *
 * Every value that grants access (package codes, server secrets, API secrets,
 * part-URL tokens) is 32 bytes from the CSPRNG, encoded URL-safe so it can sit
 * in a path or query without escaping.
 *
 * @module
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** Characters of a packageId: upper case and digits without the look-alikes 0/O and 1/I. */
const PACKAGE_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * What every id taken from a URL path must look like: URL-safe base64 characters
 * only, so a path segment can never name a parent directory or carry an escape.
 */
export const SAFE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Encodes bytes as base64url without padding.
 *
 * @example
 * ```ts
 * encodeBase64Url(new Uint8Array([251, 255])); // "-_8"
 * ```
 */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Returns `byteLength` CSPRNG bytes encoded as base64url (43 characters for 32 bytes).
 *
 * @example
 * ```ts
 * randomToken().length; // 43
 * ```
 */
export function randomToken(byteLength = 32): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

/**
 * Returns a new packageId shaped like SendSafely's (`ABCD-2345`): 8 random
 * characters from a 32-letter alphabet (40 bits). It names a package; the
 * packageCode, not the id, is the secret of a link.
 */
export function newPackageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = [...bytes].map((byte) => PACKAGE_ID_ALPHABET[byte % 32]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** Returns a new random UUID (files, recipients, users). */
export function newUuid(): string {
  return crypto.randomUUID();
}

/** Returns the lowercase hex SHA-256 of a UTF-8 string (used to store tokens, never tokens). */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Compares two strings in time that does not depend on where they differ.
 * Both are hashed first so strings of different lengths compare in constant time too.
 *
 * @example
 * ```ts
 * secretsEqual("abc", "abc"); // true
 * ```
 */
export function secretsEqual(a: string, b: string): boolean {
  const digestA = createHash("sha256").update(a, "utf8").digest();
  const digestB = createHash("sha256").update(b, "utf8").digest();
  return timingSafeEqual(digestA, digestB);
}
