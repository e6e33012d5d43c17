/**
 * The one storage interface for ciphertext parts. Routes and repositories only
 * see this interface, so an object store (S3-compatible) can replace the file
 * system without touching them.
 *
 * @module
 */
import { SAFE_ID_PATTERN } from "../ids.ts";

/** Names one stored part. */
export interface PartKey {
  /** The package's id. */
  packageId: string;
  /** The file's id. */
  fileId: string;
  /** The part number, from 1. */
  part: number;
}

/** A stored part opened for reading. */
export interface StoredPart {
  /** Its size in bytes. */
  size: number;
  /** Its bytes; cancel the stream to release it early. */
  body: ReadableStream<Uint8Array>;
}

/** Where ciphertext parts live. Every write is atomic: a part is either whole or absent. */
export interface PartStore {
  /**
   * Stores a part from a stream, replacing any previous copy only once the new one is whole.
   *
   * @returns the number of bytes stored.
   * @throws {PartTooLargeError} when the stream is longer than `maxBytes` (nothing is stored).
   */
  put(key: PartKey, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number>;
  /** Opens a part, or returns `undefined` when it is absent. */
  get(key: PartKey): Promise<StoredPart | undefined>;
  /** Tells whether a part is stored. */
  has(key: PartKey): Promise<boolean>;
  /** Deletes a part; deleting an absent part is not an error. */
  delete(key: PartKey): Promise<void>;
  /** Deletes every part of a package, including any left half-written by a crash. */
  deletePackage(packageId: string): Promise<void>;
  /**
   * Present when clients send and fetch part bytes to and from the store itself (S3 pre-signed
   * URLs), so that the service never sees them; absent when the part URLs are the service's own.
   */
  readonly direct?: DirectParts;
}

/** A stored part's number and size, as the store reports it. */
export interface ListedPart {
  /** The part number. */
  part: number;
  /** Its size in bytes. */
  size: number;
}

/** What a store that clients reach directly offers besides `PartStore`. */
export interface DirectParts {
  /** The origin the URLs point at (for the portal's `connect-src`). */
  readonly origin: string;
  /**
   * Makes a URL that lets its holder `PUT` (upload) or `GET` (download) one part, and nothing
   * else, for `expiresSeconds`.
   */
  presign(
    key: PartKey,
    direction: "upload" | "download",
    expiresSeconds: number,
  ): Promise<string>;
  /**
   * Lists the parts of a file stored in the store, whatever their number or size (the service
   * did not see them arrive, so it checks them before counting them).
   *
   * @throws {StorageUnavailableError} when the store cannot be reached or refuses.
   */
  listFile(packageId: string, fileId: string): Promise<ListedPart[]>;
}

/**
 * Thrown by a `PartStore` when its backing store cannot be reached, answers with a failure or
 * refuses the service's credentials: the request is answered 503 with `Retry-After`, and nothing
 * is recorded as stored.
 */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
  /** What failed, for the log: a status and the store's error code, never a key or a secret. */
  readonly detail: string;
  /** Creates the error; `detail` goes to the log, the message to nobody but the log either. */
  constructor(detail: string, options: { cause?: unknown } = {}) {
    super(`The part store is unavailable: ${detail}`, options);
    this.detail = detail;
  }
}

/** Thrown by `PartStore.put` when the body exceeds the allowed size. */
export class PartTooLargeError extends Error {
  override name = "PartTooLargeError";
  /** The limit that was exceeded, in bytes. */
  readonly maxBytes: number;
  /** Creates the error for a limit. */
  constructor(maxBytes: number) {
    super(`The part is larger than the limit of ${maxBytes} bytes.`);
    this.maxBytes = maxBytes;
  }
}

/** Thrown when a part key holds something that must never reach a storage path. */
export class InvalidPartKeyError extends Error {
  override name = "InvalidPartKeyError";
}

/**
 * Checks a key before it becomes a path or an object name (defence in depth: the
 * routes already refuse such ids).
 *
 * @throws {InvalidPartKeyError} when an id is not URL-safe base64 or the part is not a positive integer.
 */
export function assertValidPartKey(key: PartKey): void {
  if (!SAFE_ID_PATTERN.test(key.packageId) || !SAFE_ID_PATTERN.test(key.fileId)) {
    throw new InvalidPartKeyError(
      "A part key holds an id with characters other than [A-Za-z0-9_-].",
    );
  }
  if (!Number.isSafeInteger(key.part) || key.part < 1) {
    throw new InvalidPartKeyError(
      `A part number must be a positive integer: current value is ${key.part}`,
    );
  }
}
