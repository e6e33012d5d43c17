/**
 * Email address checks shared by accounts and recipients.
 *
 * @module
 */

/** Longest address accepted (RFC 5321 path limit). */
const MAX_EMAIL_LENGTH = 254;

/**
 * Tells whether a value looks like an email address: one `@`, a dot in the domain,
 * no spaces or control characters, at most 254 characters.
 *
 * @example
 * ```ts
 * isEmail("agent@example.com"); // true
 * ```
 */
export function isEmail(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_EMAIL_LENGTH &&
    /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(value);
}

/** Normalises an address for storage and comparison (trimmed, lower case). */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
