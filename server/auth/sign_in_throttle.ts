/**
 * Slows down password guessing: per account, after 5 failures in a row each further failure
 * locks the account for a doubling time (1 minute, 2, 4 … up to an hour); per client address,
 * more than 30 failures in 15 minutes lock that address until the window ends. A success clears
 * the account's count. Unknown addresses are counted like real ones, so a lock says nothing about
 * whether an account exists.
 *
 * @module
 */
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

interface AccountState {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/** How long a forgotten account's failures are kept, in milliseconds. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/** Most accounts tracked at once. */
const MAX_ACCOUNTS = 100_000;

/** Tracks sign-in failures per account and per client address. */
export class SignInThrottle {
  readonly #now: () => number;
  readonly #freeFailures: number;
  readonly #baseLockMs: number;
  readonly #maxLockMs: number;
  readonly #addresses: RateLimiter;
  readonly #accounts = new Map<string, AccountState>();

  /** Creates a throttle with the given limits. */
  constructor(options: SignInThrottleOptions = {}) {
    const {
      now = Date.now,
      freeFailures = 5,
      baseLockMs = 60_000,
      maxLockMs = 3_600_000,
      addressLimit = 30,
      addressWindowMs = 900_000,
    } = options;
    this.#now = now;
    this.#freeFailures = freeFailures;
    this.#baseLockMs = baseLockMs;
    this.#maxLockMs = maxLockMs;
    this.#addresses = new RateLimiter({ limit: addressLimit, windowMs: addressWindowMs, now });
  }

  #account(email: string): AccountState | undefined {
    const state = this.#accounts.get(email);
    if (state && this.#now() - state.lastFailure > FORGET_AFTER_MS) {
      this.#accounts.delete(email);
      return undefined;
    }
    return state;
  }

  /** Milliseconds until this account may try again from this address; 0 when it may now. */
  retryAfterMs(email: string, address: string): number {
    const account = Math.max(0, (this.#account(email)?.lockedUntil ?? 0) - this.#now());
    return Math.max(account, this.#addresses.retryAfterMs(address));
  }

  /** Records a failed sign-in. */
  recordFailure(email: string, address: string): void {
    this.#addresses.take(address);
    const now = this.#now();
    const state = this.#account(email) ?? { failures: 0, lockedUntil: 0, lastFailure: now };
    state.failures++;
    state.lastFailure = now;
    if (state.failures >= this.#freeFailures) {
      const doublings = Math.min(state.failures - this.#freeFailures, 20);
      state.lockedUntil = now + Math.min(this.#baseLockMs * 2 ** doublings, this.#maxLockMs);
    }
    this.#accounts.delete(email);
    if (this.#accounts.size >= MAX_ACCOUNTS) {
      this.#accounts.delete(this.#accounts.keys().next().value!);
    }
    this.#accounts.set(email, state);
  }

  /** Records a successful sign-in: the account's failures are forgotten. */
  recordSuccess(email: string): void {
    this.#accounts.delete(email);
  }
}
