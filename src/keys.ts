/**
 * The keychain of a SendSafely package: the keyCode (the client secret that travels only in the
 * Secure Link fragment), the passphrase that encrypts files and messages, and the checksum that
 * proves possession of the keyCode to the server without revealing it (spec 3.1–3.3).
 *
 * Browser-compatible: WebCrypto and `TextEncoder` only.
 *
 * @module
 */
import { encodeBase64Url } from "./_base64.ts";

/** Number of random bytes in a keyCode (256 bits). */
export const KEY_CODE_BYTES = 32;

/** Number of PBKDF2 rounds of the package checksum, fixed by the SendSafely protocol. */
export const CHECKSUM_ITERATIONS = 1024;

/**
 * Generates a new keyCode: 32 bytes from the platform CSPRNG, URL-safe base64 without padding.
 *
 * @returns 43 characters from `[A-Za-z0-9_-]`.
 *
 * @example
 * ```ts
 * import { generateKeyCode } from "./keys.ts";
 * const keyCode = generateKeyCode();
 * console.assert(keyCode.length === 43);
 * ```
 */
export function generateKeyCode(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(KEY_CODE_BYTES)));
}

/**
 * Makes a base64 value URL-safe the way the SendSafely SDK does: `+`→`-`, `/`→`_`, `=` removed.
 * Values that are already URL-safe come back unchanged.
 *
 * @example
 * ```ts
 * import { toUrlSafe } from "./keys.ts";
 * console.assert(toUrlSafe("a+b/c==") === "a-b_c");
 * ```
 */
export function toUrlSafe(value: string): string {
  return value.replaceAll("+", "-").replaceAll("/", "_").replaceAll("=", "");
}

/**
 * Builds the OpenPGP passphrase of a package's files and message: the URL-safe server secret
 * followed by the URL-safe keyCode (spec 3.2).
 *
 * @example
 * ```ts
 * import { passphrase } from "./keys.ts";
 * console.assert(passphrase("Srv+/", "Key") === "Srv-_Key");
 * ```
 */
export function passphrase(serverSecret: string, keyCode: string): string {
  return toUrlSafe(serverSecret) + toUrlSafe(keyCode);
}

/**
 * Computes the package checksum that authorises downloads without revealing the keyCode:
 * lowercase hex of PBKDF2-HMAC-SHA256 with the URL-safe keyCode as password, the URL-safe
 * packageCode as salt, 1024 rounds and 32 bytes of output (spec 3.3).
 *
 * @returns 64 lowercase hex characters.
 * @throws {TypeError} when `keyCode` or `packageCode` is empty.
 *
 * @example
 * ```ts
 * import { checksum } from "./keys.ts";
 * const value = await checksum("dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ", "PkgCode_abc-123");
 * console.assert(value === "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3");
 * ```
 */
export async function checksum(keyCode: string, packageCode: string): Promise<string> {
  // An empty value means a caller lost the keyCode or the package; a checksum of nothing would
  // only produce a confusing "wrong checksum" from the server later.
  if (keyCode === "") throw new TypeError("Cannot compute a checksum: the keyCode is empty");
  if (packageCode === "") {
    throw new TypeError("Cannot compute a checksum: the packageCode is empty");
  }
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(toUrlSafe(keyCode)),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    {
      name: "PBKDF2",
      hash: "SHA-256",
      salt: encoder.encode(toUrlSafe(packageCode)),
      iterations: CHECKSUM_ITERATIONS,
    },
    key,
    256,
  );
  return Array.from(new Uint8Array(bits), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they differ,
 * so that comparing a secret (a checksum, a token) leaks nothing through timing.
 *
 * @returns `true` when both strings have the same UTF-16 code units.
 *
 * @example
 * ```ts
 * import { timingSafeEqual } from "./keys.ts";
 * console.assert(timingSafeEqual("abc", "abc"));
 * console.assert(!timingSafeEqual("abc", "abd"));
 * ```
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  // Start from the length difference so strings of different lengths never compare equal, then
  // visit every position of the longer one; `charCodeAt` past the end gives NaN, and `NaN | 0` is
  // 0, so no branch depends on the content.
  let difference = a.length ^ b.length;
  for (let index = 0; index < length; index++) {
    difference |= (a.charCodeAt(index) | 0) ^ (b.charCodeAt(index) | 0);
  }
  return difference === 0;
}
