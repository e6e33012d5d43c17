/**
 * Encrypts API secrets at rest. The service must recover an API secret to verify
 * a request's HMAC (SendSafely's scheme), so secrets cannot be hashed; they are
 * sealed with AES-256-GCM under a key kept outside the database, so a copy of the
 * database alone does not reveal them.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { join } from "node:path";
import { encodeBase64Url } from "../ids.ts";

/** Thrown when the key is malformed or a sealed value does not open with it. */
export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

function decode(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Seals and opens short secrets with one 256-bit key. */
export class SecretBox {
  readonly #key: Uint8Array;

  /**
   * Uses a 32-byte key.
   *
   * @throws {SecretBoxError} when the key is not 32 bytes.
   */
  constructor(key: Uint8Array) {
    if (key.byteLength !== 32) {
      throw new SecretBoxError(`The secret key must be 32 bytes: it has ${key.byteLength}.`);
    }
    this.#key = key;
  }

  /**
   * Uses `configured` (base64url) when given, else the key file `secret.key` in
   * `dataDir`, creating it (mode 0600) on first use.
   *
   * @throws {SecretBoxError} when the configured key or the key file is malformed.
   */
  static async open(dataDir: string, configured?: string): Promise<SecretBox> {
    if (configured) return new SecretBox(decodeKey(configured, "PADLOCK_SECRET_KEY"));
    const path = join(dataDir, "secret.key");
    try {
      await Deno.writeTextFile(path, encodeBase64Url(randomBytes(32)) + "\n", {
        createNew: true,
        mode: 0o600,
      });
    } catch (error) {
      if (!(error instanceof Deno.errors.AlreadyExists)) throw error;
    }
    return new SecretBox(decodeKey((await Deno.readTextFile(path)).trim(), path));
  }

  /** Encrypts a secret into `v1.<iv>.<ciphertext>.<tag>`. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const body = new Uint8Array([...cipher.update(plain, "utf8"), ...cipher.final()]);
    return ["v1", encodeBase64Url(iv), encodeBase64Url(body), encodeBase64Url(cipher.getAuthTag())]
      .join(".");
  }

  /**
   * Decrypts a value made by `seal`.
   *
   * @throws {SecretBoxError} when the value is malformed or was sealed with another key.
   */
  open(sealed: string): string {
    const [version, iv, body, tag] = sealed.split(".");
    if (version !== "v1" || !iv || body === undefined || !tag) {
      throw new SecretBoxError("A sealed secret is malformed.");
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, decode(iv));
      decipher.setAuthTag(decode(tag));
      return new TextDecoder().decode(
        new Uint8Array([...decipher.update(decode(body)), ...decipher.final()]),
      );
    } catch (cause) {
      throw new SecretBoxError("A sealed secret does not open with this key (wrong secret key?).", {
        cause,
      });
    }
  }
}

function decodeKey(text: string, source: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = decode(text);
  } catch (cause) {
    throw new SecretBoxError(`The secret key from ${source} is not base64url.`, { cause });
  }
  if (key.byteLength !== 32) {
    throw new SecretBoxError(
      `The secret key from ${source} must be 32 bytes: it has ${key.byteLength}.`,
    );
  }
  return key;
}
