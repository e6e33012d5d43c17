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
