/**
 * Base64 helpers shared by `keys.ts` and `pgp.ts` (private to `src/`).
 *
 * Browser-compatible: uses only `btoa`/`atob`, which exist in windows, workers and Deno. Hand-rolled
 * because `Uint8Array.prototype.toBase64` is too new for the browsers the bundles target.
 *
 * @module
 */

// `String.fromCharCode(...chunk)` spreads its argument onto the stack; 32 KiB keeps well below
// every engine's argument limit.
const CHUNK = 0x8000;

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;

/** Encodes bytes as standard base64 (`+/`, with `=` padding, no line breaks). */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return btoa(binary);
}

/** Encodes bytes as URL-safe base64 (`-_`) without padding. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/**
 * Decodes standard padded base64, strictly: anything but the standard alphabet, a length that is
 * not a multiple of four, or misplaced padding is refused (`atob` alone would accept whitespace and
 * missing padding).
 *
 * @throws {SyntaxError} when `text` is not valid standard base64.
 */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || !STANDARD.test(text)) {
    throw new SyntaxError("Invalid base64: expected the standard alphabet with `=` padding");
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
