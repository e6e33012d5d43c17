/**
 * Fixed-window counters in memory, for the portal's rate limits (code requests per address and
 * per client, code attempts, pairings, sign-in failures). One process serves the portal, so
 * memory is enough; a restart forgets the counts, which only ever lets someone try again sooner.
 *
 * @module
 */

/** Options of {@linkcode RateLimiter}. */
export interface RateLimiterOptions {
  /** Events allowed per window. */
  limit: number;
  /** Length of the window, in milliseconds. */
  windowMs: number;
  /** The clock. @default {Date.now} */
  now?: () => number;
  /** Most keys remembered; the oldest windows are dropped beyond it. @default {100000} */
  maxKeys?: number;
}

/** Counts events per key and says when a key has had too many. */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #windows = new Map<string, { start: number; count: number }>();

  /**
   * Creates a limiter.
   *
   * @throws {RangeError} when the limit or window is not a positive integer.
   */
  constructor(options: RateLimiterOptions) {
    const { limit, windowMs, now = Date.now, maxKeys = 100_000 } = options;
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer: current value is ${limit}`);
    }
    if (!Number.isSafeInteger(windowMs) || windowMs < 1) {
      throw new RangeError(`windowMs must be a positive integer: current value is ${windowMs}`);
    }
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  #current(key: string): { start: number; count: number } | undefined {
    const window = this.#windows.get(key);
    if (window && this.#now() - window.start < this.#windowMs) return window;
    if (window) this.#windows.delete(key);
    return undefined;
  }

  /** Records one event for `key`; returns false (and records nothing) when the limit is reached. */
  take(key: string): boolean {
    const window = this.#current(key);
    if (window) {
      if (window.count >= this.#limit) return false;
      window.count++;
      return true;
    }
    if (this.#windows.size >= this.#maxKeys) {
      // Maps iterate in insertion order: the first key is the oldest window.
      this.#windows.delete(this.#windows.keys().next().value!);
    }
    this.#windows.set(key, { start: this.#now(), count: 1 });
    return true;
  }

  /** Tells whether `key` has reached the limit, without recording anything. */
  isLimited(key: string): boolean {
    return (this.#current(key)?.count ?? 0) >= this.#limit;
  }

  /** Milliseconds until `key` may act again (0 when it may now). */
  retryAfterMs(key: string): number {
    const window = this.#current(key);
    if (!window || window.count < this.#limit) return 0;
    return window.start + this.#windowMs - this.#now();
  }

  /** Forgets `key` (after a success). */
  reset(key: string): void {
    this.#windows.delete(key);
  }
}
