/**
 * Password hashing for agent accounts: PBKDF2-HMAC-SHA256 through WebCrypto with
 * 600,000 iterations (OWASP's 2023 figure) and a 16-byte random salt per password.
 *
 * @module
 */
import { encodeBase64Url, secretsEqual } from "../ids.ts";

/** Iterations used for new hashes. */
export const PASSWORD_ITERATIONS = 600_000;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return encodeBase64Url(new Uint8Array(bits));
}

function decodeBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * Hashes a password into a self-describing string `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
 *
 * @example
 * ```ts
 * const stored = await hashPassword("correct horse");
 * await verifyPassword("correct horse", stored); // true
 * ```
 */
export async function hashPassword(
  password: string,
  iterations = PASSWORD_ITERATIONS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${encodeBase64Url(salt)}$${await derive(
    password,
    salt,
    iterations,
  )}`;
}

/** Checks a password against a stored hash, comparing in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, salt, expected] = stored.split("$");
  const iterations = Number(iterationsText);
  if (scheme !== "pbkdf2-sha256" || !Number.isSafeInteger(iterations) || !salt || !expected) {
    return false;
  }
  return secretsEqual(await derive(password, decodeBase64Url(salt), iterations), expected);
}
