/**
 * OpenPGP encryption of file parts and package messages, exactly as the SendSafely clients do it
 * (spec 3.5–3.7): each part is one complete symmetric OpenPGP message — AES-256, iterated and
 * salted S2K with SHA-256 and count byte 96, SEIPD v1 with MDC, no compression, one binary literal
 * packet with an empty filename. Decryption accepts any standard symmetric OpenPGP message and
 * returns nothing unless its integrity has been verified.
 *
 * This is the only module of Padlock that imports `openpgp`.
 *
 * Browser-compatible: runs in browsers, workers and Deno.
 *
 * @module
 */
import { createMessage, decrypt, decryptSessionKeys, encrypt, enums, readMessage } from "openpgp";
import type { PartialConfig, SessionKey } from "openpgp";
import { decodeBase64, encodeBase64 } from "./_base64.ts";
import { DecryptError } from "./_decrypt_error.ts";
import { findEncryptedData, sessionKeyFits } from "./_key_check.ts";

export { DecryptError, type DecryptErrorOptions, type DecryptFailure } from "./_decrypt_error.ts";

/**
 * Largest plaintext a compressed message may expand to when decrypting. Padlock parts hold
 * 2.5 MiB; other SendSafely clients may compress theirs, but never by this much, so anything
 * larger is a decompression bomb rather than a file.
 */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

/**
 * Every parameter of spec 3.5 set explicitly, so that a change of openpgp's defaults can never
 * change what Padlock writes.
 */
const ENCRYPT_CONFIG: PartialConfig = {
  preferredSymmetricAlgorithm: enums.symmetric.aes256,
  s2kType: enums.s2k.iterated,
  s2kIterationCountByte: 96,
  // false selects SEIPD v1 with MDC, which every SendSafely client reads; AEAD (SEIPD v2) would not be.
  aeadProtect: false,
  preferredCompressionAlgorithm: enums.compression.uncompressed,
};

/** Decryption is lenient about algorithms (spec 3.5) and strict about integrity and resources. */
const DECRYPT_CONFIG: PartialConfig = {
  // Refuse messages without MDC/AEAD (tag 9) and never release plaintext before it is verified.
  allowUnauthenticatedMessages: false,
  allowUnauthenticatedStream: false,
  maxDecompressedMessageSize: MAX_DECOMPRESSED_BYTES,
  // A hostile message could ask for Argon2 with 2^30 KiB of memory; 2^18 KiB (256 MiB) still
  // covers openpgp's own default (2^16 KiB) with room to spare.
  maxArgon2MemoryExponent: 18,
};

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== "string" || passphrase === "") {
    throw new TypeError("The passphrase must be a non-empty string");
  }
}

/**
 * Encrypts one file part into a complete binary OpenPGP message with the parameters of spec 3.5.
 * A 2,621,440-byte part becomes 2,621,547 bytes; 5 bytes become 104.
 *
 * @param plain The plaintext of the part (may be empty).
 * @param passphrase The package passphrase, see `passphrase()` in `keys.ts`.
 * @returns The binary OpenPGP message.
 * @throws {TypeError} when `passphrase` is empty.
 *
 * @example
 * ```ts
 * import { decryptPart, encryptPart } from "./pgp.ts";
 * const cipher = await encryptPart(new Uint8Array([1, 2, 3]), "secret");
 * const plain = await decryptPart(cipher, "secret");
 * console.assert(plain.length === 3);
 * ```
 */
export async function encryptPart(plain: Uint8Array, passphrase: string): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  // createMessage({binary}) writes a literal packet with format "b" and an empty filename.
  const message = await createMessage({ binary: plain });
  return await encrypt({
    message,
    passwords: [passphrase],
    format: "binary",
    config: ENCRYPT_CONFIG,
  });
}

const WRONG_KEY_MESSAGE = "Cannot decrypt: the key is wrong";

/**
 * Decrypts in two steps so that a failure names the check that made it (see `DecryptFailure`):
 * first the session key, checked by its packet and by the data's own key check
 * (`_key_check.ts`), then the data with that key, checked for integrity. Neither step depends on
 * the wording of openpgp's errors.
 */
async function decryptBytes(cipher: Uint8Array, passphrase: string): Promise<Uint8Array> {
  checkPassphrase(passphrase);
  let message;
  try {
    message = await readMessage({ binaryMessage: cipher });
  } catch (cause) {
    throw new DecryptError(
      "Cannot decrypt: the data is not a complete OpenPGP message (it is truncated, corrupted " +
        "or was never encrypted)",
      { cause, failure: "format" },
    );
  }
  const data = findEncryptedData(cipher);
  if (data?.tag === 9) {
    throw new DecryptError(
      "Cannot decrypt: the data is not integrity-protected, so it could have been modified",
      { failure: "integrity" },
    );
  }
  let candidates;
  try {
    candidates = await decryptSessionKeys({
      message,
      passwords: [passphrase],
      config: DECRYPT_CONFIG,
    });
  } catch (cause) {
    // No session-key packet accepted the passphrase (AEAD-sealed packets check it for certain).
    throw new DecryptError(WRONG_KEY_MESSAGE, { cause, failure: "key" });
  }
  const checks = await Promise.all(
    candidates.map(({ data: key, algorithm }) =>
      data ? sessionKeyFits(data, key, algorithm) : undefined
    ),
  );
  // An `algorithm` of null (v6 packets) is allowed: SEIPD v2 names its own cipher.
  const sessionKeys = candidates.filter((_, i) => checks[i] !== false) as SessionKey[];
  if (sessionKeys.length === 0) throw new DecryptError(WRONG_KEY_MESSAGE, { failure: "key" });
  // The key counts as checked when the data's key check passed, or when every session-key
  // packet is AEAD-sealed (v5, v6), whose tag verified the passphrase.
  const sealed = data?.sessionKeyPacketVersions ?? [];
  const keyChecked = checks.includes(true) ||
    (sealed.length > 0 && sealed.every((version) => version >= 5));
  try {
    const { data: plain } = await decrypt({
      message,
      sessionKeys,
      format: "binary",
      config: DECRYPT_CONFIG,
    });
    return plain;
  } catch (cause) {
    throw new DecryptError(
      keyChecked
        ? "Cannot decrypt: the data failed its integrity check (it was modified or damaged)"
        : "Cannot decrypt: the key is wrong, or the data was modified or damaged in transit",
      { cause, failure: keyChecked ? "integrity" : "unknown" },
    );
  }
}

/**
 * Decrypts one file part: any standard symmetric OpenPGP message in binary form (any cipher, S2K,
 * compression, SEIPD v1 or v2). The plaintext is returned only after its integrity check passed.
 *
 * @param cipher The binary OpenPGP message.
 * @param passphrase The package passphrase (`serverSecret + keyCode`).
 * @returns The plaintext of the part.
 * @throws {DecryptError} when the passphrase is wrong, or the data is truncated, modified, not
 * integrity-protected, or not an OpenPGP message.
 * @throws {TypeError} when `passphrase` is empty.
 *
 * @example
 * ```ts
 * import { DecryptError, decryptPart, encryptPart } from "./pgp.ts";
 * const cipher = await encryptPart(new Uint8Array([1, 2, 3]), "secret");
 * try {
 *   await decryptPart(cipher, "wrong");
 * } catch (error) {
 *   console.assert(error instanceof DecryptError);
 * }
 * ```
 */
export async function decryptPart(cipher: Uint8Array, passphrase: string): Promise<Uint8Array> {
  return await decryptBytes(cipher, passphrase);
}

/**
 * Encrypts a package message (spec 3.6): a UTF-8 text literal packet with the parameters of spec
 * 3.5, as standard padded base64 without line breaks. OpenPGP canonicalises line endings, so the
 * text is read back with `\r\n` where it had `\n`.
 *
 * @param text The message.
 * @param passphrase The package passphrase.
 * @returns Base64 of the binary OpenPGP message.
 * @throws {TypeError} when `passphrase` is empty.
 *
 * @example
 * ```ts
 * import { decryptMessage, encryptMessage } from "./pgp.ts";
 * const base64 = await encryptMessage("Hello", "secret");
 * console.assert(await decryptMessage(base64, "secret") === "Hello");
 * ```
 */
export async function encryptMessage(text: string, passphrase: string): Promise<string> {
  checkPassphrase(passphrase);
  const message = await createMessage({ text });
  const binary = await encrypt({
    message,
    passwords: [passphrase],
    format: "binary",
    config: ENCRYPT_CONFIG,
  });
  return encodeBase64(binary);
}

/**
 * Decrypts a package message: base64 decode, decrypt (as {@linkcode decryptPart}), UTF-8 decode.
 * Line endings are returned as stored (`\r\n` for text written by SendSafely clients).
 *
 * @param base64 The message as stored by the server (standard base64).
 * @param passphrase The package passphrase.
 * @returns The message text.
 * @throws {DecryptError} when the input is not base64, the passphrase is wrong, or the data is
 * damaged.
 * @throws {TypeError} when `passphrase` is empty.
 *
 * @example
 * ```ts
 * import { decryptMessage, encryptMessage } from "./pgp.ts";
 * const base64 = await encryptMessage("line 1\nline 2", "secret");
 * console.assert(await decryptMessage(base64, "secret") === "line 1\r\nline 2");
 * ```
 */
export async function decryptMessage(base64: string, passphrase: string): Promise<string> {
  checkPassphrase(passphrase);
  let cipher;
  try {
    // Tolerate whitespace a transport may have added (line-wrapped base64); nothing else.
    cipher = decodeBase64(base64.replace(/[\t\n\r ]/g, ""));
  } catch (cause) {
    throw new DecryptError("Cannot decrypt the message: it is not valid base64", { cause });
  }
  const plain = await decryptBytes(cipher, passphrase);
  return new TextDecoder().decode(plain);
}
