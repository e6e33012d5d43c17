/**
 * Slows down password guessing: per account, after 5 failures in a row each further failure
 * locks the account for a doubling time (1 minute, 2, 4 … up to an hour); per client address,
 * more than 30 failures in 15 minutes lock that address until the window ends. A success clears
 * the account's count. Unknown addresses are counted like real ones, so a lock says nothing about
 * whether an account exists.
 *
 * The counts live in the database (`sign_in_failures`, `rate_windows`), so failures spread over
 * several service instances lock out as on one.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { RateLimiter } from "./rate_limit.ts";

/** Options of {@linkcode SignInThrottle}. */
export interface SignInThrottleOptions {
  /** The clock. @default {Date.now} */
  now?: () => number;
  /** Failures in a row an account may have before it is locked. @default {5} */
  freeFailures?: number;
  /** First lock, in milliseconds; it doubles with each further failure. @default {60000} */
  baseLockMs?: number;
  /** Longest lock, in milliseconds. @default {3600000} */
  maxLockMs?: number;
  /** Failures one client address may have per window. @default {30} */
  addressLimit?: number;
  /** The window of the address limit, in milliseconds. @default {900000} */
  addressWindowMs?: number;
}

/** How long a forgotten account's failures are kept, in milliseconds. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** Tracks sign-in failures per account and per client address. */
export class SignInThrottle {
  readonly #db: Queryable;
  readonly #now: () => number;
  readonly #freeFailures: number;
  readonly #baseLockMs: number;
  readonly #maxLockMs: number;
  readonly #addresses: RateLimiter;

  /** Creates a throttle with the given limits, counting in `db`. */
  constructor(db: Queryable, options: SignInThrottleOptions = {}) {
    const {
      now = Date.now,
      freeFailures = 5,
      baseLockMs = 60_000,
      maxLockMs = 3_600_000,
      addressLimit = 30,
      addressWindowMs = 900_000,
    } = options;
    this.#db = db;
    this.#now = now;
    this.#freeFailures = freeFailures;
    this.#baseLockMs = baseLockMs;
    this.#maxLockMs = maxLockMs;
    this.#addresses = new RateLimiter(db, {
      name: "sign-in-failures-per-address",
      limit: addressLimit,
      windowMs: addressWindowMs,
      now,
    });
  }

  /** Milliseconds until this account may try again from this address; 0 when it may now. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const row = await this.#db.get<{ locked_until: number; last_failure: number }>(
      "SELECT locked_until, last_failure FROM sign_in_failures WHERE email = ?",
      [email],
    );
    const now = this.#now();
    const lockedUntil = row && now - row.last_failure <= FORGET_AFTER_MS ? row.locked_until : 0;
    return Math.max(Math.max(0, lockedUntil - now), await this.#addresses.retryAfterMs(address));
  }

  /** Records a failed sign-in. */
  async recordFailure(email: string, address: string): Promise<void> {
    await this.#addresses.take(address);
    const now = this.#now();
    // Count atomically (instances may record at once); failures older than a day are forgotten.
    const row = await this.#db.get<{ failures: number }>(
      `INSERT INTO sign_in_failures (email, failures, locked_until, last_failure)
       VALUES (?, 1, 0, ?)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN sign_in_failures.last_failure < ? THEN 1
           ELSE sign_in_failures.failures + 1 END,
         locked_until = CASE WHEN sign_in_failures.last_failure < ? THEN 0
           ELSE sign_in_failures.locked_until END,
         last_failure = excluded.last_failure
       RETURNING failures`,
      [email, now, now - FORGET_AFTER_MS, now - FORGET_AFTER_MS],
    );
    const failures = row!.failures;
    if (failures >= this.#freeFailures) {
      const doublings = Math.min(failures - this.#freeFailures, 20);
      const until = now + Math.min(this.#baseLockMs * 2 ** doublings, this.#maxLockMs);
      // A lock only grows: a slower instance cannot shorten the lock a faster one set.
      await this.#db.run(
        "UPDATE sign_in_failures SET locked_until = ? WHERE email = ? AND locked_until < ?",
        [until, email, until],
      );
    }
  }

  /** Records a successful sign-in: the account's failures are forgotten. */
  async recordSuccess(email: string): Promise<void> {
    await this.#db.run("DELETE FROM sign_in_failures WHERE email = ?", [email]);
  }

  /** Deletes the failures of accounts nobody tried for a day. */
  async sweep(): Promise<void> {
    await this.#db.run("DELETE FROM sign_in_failures WHERE last_failure < ?", [
      this.#now() - FORGET_AFTER_MS,
    ]);
  }
}
