/**
 * The error of a failed decryption, in a module of its own so that code which only needs to
 * recognise it (the worker pool, which rebuilds it from a worker's message) does not pull in
 * OpenPGP.js. `pgp.ts` re-exports it; import it from there.
 *
 * Browser-compatible.
 *
 * @module
 */

/**
 * Which check refused the message:
 * - `format`: it is not a complete OpenPGP message (truncated, corrupted, never encrypted);
 * - `key`: the passphrase does not open it: its session-key packet refused the passphrase, or
 *   the session key failed the encrypted data's own key check (the repeated bytes that start
 *   SEIPD v1 data), which runs before and apart from the integrity check;
 * - `integrity`: the key was checked and fits, but the integrity check (MDC or AEAD tag) failed,
 *   or the data is not integrity-protected at all: the message was modified;
 * - `unknown`: the integrity check failed and the key could not be checked on its own (a
 *   cipher other than AES, for which the browser has no primitive), so either may be at fault.
 */
export type DecryptFailure = "format" | "key" | "integrity" | "unknown";

/** Options of {@linkcode DecryptError}. */
export interface DecryptErrorOptions {
  /** The underlying error, kept for debugging; never contains the passphrase. */
  cause?: unknown;
  /** Which check refused the message; `unknown` when not given. */
  failure?: DecryptFailure;
}

/**
 * Decryption failed: the passphrase is wrong, or the data is truncated, modified or not an
 * OpenPGP message. No plaintext is returned in any of these cases; `failure` tells which.
 */
export class DecryptError extends Error {
  /** Which check refused the message. */
  readonly failure: DecryptFailure;

  /**
   * Creates the error with a message a person can read.
   *
   * @param message What went wrong, without any key material.
   * @param options The underlying cause and the check that failed.
   */
  constructor(message: string, options?: DecryptErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DecryptError";
    this.failure = options?.failure ?? "unknown";
  }
}
