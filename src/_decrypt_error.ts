/**
 * The error of a failed decryption, in a module of its own so that code which only needs to
 * recognise it (the worker pool, which rebuilds it from a worker's message) does not pull in
 * OpenPGP.js. `pgp.ts` re-exports it; import it from there.
 *
 * Browser-compatible.
 *
 * @module
 */

/** Options of {@linkcode DecryptError}. */
export interface DecryptErrorOptions {
  /** The underlying error, kept for debugging; never contains the passphrase. */
  cause?: unknown;
}

/**
 * Decryption failed: the passphrase is wrong, or the data is truncated, modified or not an
 * OpenPGP message. No plaintext is returned in any of these cases.
 */
export class DecryptError extends Error {
  /**
   * Creates the error with a message a person can read.
   *
   * @param message What went wrong, without any key material.
   * @param options The underlying cause.
   */
  constructor(message: string, options?: DecryptErrorOptions) {
    super(message, options);
    this.name = "DecryptError";
  }
}
